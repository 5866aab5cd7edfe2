import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { PERIODS, type Period } from '@/lib/dashboard/period';
import { cn } from '@/components/ui/cn';

/** 오늘 / 7일 / 30일 links and a custom range form (plain GET, works without JavaScript). */
export async function PeriodPicker({ base, period }: { base: string; period: Period }) {
  const t = await getTranslations('dashboard');
  return (
    <div className="mb-4 flex flex-wrap items-end gap-3">
      <nav aria-label={t('period')} className="flex gap-1">
        {PERIODS.filter((k) => k !== 'custom').map((k) => (
          <Link
            key={k}
            href={`${base}?period=${k}`}
            aria-current={period.kind === k ? 'page' : undefined}
            className={cn(
              'rounded-md border px-3 py-1.5 text-sm',
              period.kind === k
                ? 'border-brand-600 bg-brand-50 text-brand-800'
                : 'border-slate-300 bg-white hover:bg-slate-50',
            )}
          >
            {t(`periods.${k}`)}
          </Link>
        ))}
      </nav>
      <form method="get" action={base} className="flex flex-wrap items-end gap-2 text-sm">
        <input type="hidden" name="period" value="custom" />
        <label className="flex flex-col gap-1 text-xs text-slate-600">
          {t('from')}
          <input
            type="date"
            name="from"
            defaultValue={period.fromDay}
            required
            className="rounded-md border border-slate-300 px-2 py-1 text-sm"
          />
        </label>
        <label className="flex flex-col gap-1 text-xs text-slate-600">
          {t('to')}
          <input
            type="date"
            name="to"
            defaultValue={period.toDay}
            required
            className="rounded-md border border-slate-300 px-2 py-1 text-sm"
          />
        </label>
        <button
          type="submit"
          className={cn(
            'rounded-md border px-3 py-1.5',
            period.kind === 'custom'
              ? 'border-brand-600 bg-brand-50 text-brand-800'
              : 'border-slate-300 bg-white hover:bg-slate-50',
          )}
        >
          {t('periods.custom')}
        </button>
      </form>
      <p className="text-xs text-slate-500">
        {t('range', { from: period.fromDay, to: period.toDay, timeZone: period.timeZone })}
      </p>
    </div>
  );
}
