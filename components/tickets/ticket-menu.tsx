import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { cn } from '@/components/ui/cn';
import { COUNT_CAP } from '@/lib/tickets/list-tickets';
import { LIST_MENUS, type ListMenu } from '@/lib/tickets/list-menus';

/** The list menus of SPEC §2 with their counts (capped, shown as 10,000+). */
export async function TicketMenu({
  base,
  current,
  counts,
  showGroup,
}: {
  base: string;
  current: ListMenu;
  counts: Record<ListMenu, number>;
  showGroup: boolean;
}) {
  const t = await getTranslations('tickets');
  return (
    <nav aria-label={t('menuLabel')} className="w-full shrink-0 lg:w-56">
      <ul className="flex flex-col gap-0.5 rounded-lg border border-slate-200 bg-white p-2 text-sm">
        {LIST_MENUS.filter((m) => m !== 'group' || showGroup).map((m) => (
          <li key={m}>
            <Link
              href={`${base}?menu=${m}`}
              aria-current={m === current ? 'page' : undefined}
              className={cn(
                'flex items-center justify-between rounded-md px-3 py-2 hover:bg-slate-50',
                m === current && 'bg-brand-50 font-medium text-brand-700',
              )}
            >
              <span>{t(`menu.${m}`)}</span>
              <span className="text-xs text-slate-500 tabular-nums">
                {counts[m] > COUNT_CAP ? `${COUNT_CAP.toLocaleString()}+` : counts[m].toLocaleString()}
              </span>
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
