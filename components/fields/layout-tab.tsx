import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import type { Service } from '@/db/schema';
import { cn } from '@/components/ui/cn';
import type { LayoutScreen } from '@/lib/field-layouts/layout-screen';
import { PINNED_FIRST, PINNED_LAST } from '@/lib/field-layouts/pinned';
import { LayoutEditor, type LayoutItem } from './layout-editor';

type Props = {
  service: Service;
  audience: 'customer' | 'agent';
  screen: LayoutScreen;
  href: (p: Record<string, string>) => string;
};

/** 필드 설정: the intake-type tree on the left (customer fields), the chosen layout on the right. */
export async function LayoutTab({ service, audience, screen, href }: Props) {
  const t = await getTranslations('fields.layout');
  const lang = service.languages[0];
  const { intakeTypes: flat, selected, layout, fields: all } = screen;
  const toItem = (f: (typeof all)[number]): LayoutItem => ({
    id: f.id,
    code: f.code,
    label: f.names[lang] ?? f.code,
    pinned: PINNED_FIRST[audience].includes(f.code) ? 'first' : PINNED_LAST[audience].includes(f.code) ? 'last' : null,
  });
  const editor = (
    <LayoutEditor
      key={`${audience}-${selected?.id ?? 'default'}-${layout.source}`}
      serviceId={service.id}
      audience={audience}
      intakeTypeId={selected?.id ?? null}
      source={layout.source}
      fromName={layout.fromIntakeTypeId ? (flat.find((n) => n.id === layout.fromIntakeTypeId)?.label ?? null) : null}
      items={layout.fields.map(toItem)}
      available={all.filter((f) => f.code !== 'category' || audience !== 'customer').map(toItem)}
    />
  );
  if (audience === 'agent') return <div className="max-w-2xl">{editor}</div>;
  return (
    <div className="grid gap-6 md:grid-cols-[16rem_1fr]">
      <nav aria-label={t('intakeTypes')} className="rounded-lg border border-slate-200 bg-white p-2 text-sm">
        <Link
          href={href({ intake: '' })}
          aria-current={!selected ? 'page' : undefined}
          className={cn(
            'block rounded px-2 py-1.5',
            !selected ? 'bg-brand-50 font-medium text-brand-700' : 'hover:bg-slate-100',
          )}
        >
          {t('defaultForm')}
        </Link>
        {flat.length === 0 && <p className="px-2 py-1.5 text-xs text-slate-500">{t('noIntakeTypes')}</p>}
        {flat.map((n) => (
          <Link
            key={n.id}
            href={href({ intake: n.id })}
            aria-current={selected?.id === n.id ? 'page' : undefined}
            style={{ paddingLeft: `${n.depth * 0.75 + 0.5}rem` }}
            className={cn(
              'block rounded py-1.5 pr-2',
              selected?.id === n.id ? 'bg-brand-50 font-medium text-brand-700' : 'hover:bg-slate-100',
              !n.active && 'text-slate-400',
            )}
          >
            {n.label}
          </Link>
        ))}
      </nav>
      <section aria-label={selected?.label ?? t('defaultForm')}>
        <h2 className="mb-3 font-semibold">{selected?.label ?? t('defaultForm')}</h2>
        {editor}
      </section>
    </div>
  );
}
