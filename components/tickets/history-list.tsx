import { getLocale, getTranslations } from 'next-intl/server';
import { getFormatDate } from '@/lib/i18n/get-format-date';
import type { TicketHistoryRow } from '@/db/schema';
import { displayFieldValue } from '@/lib/fields/display';
import type { FieldOption, FieldValue } from '@/db/values';

type Translate = Awaited<ReturnType<typeof getTranslations<'tickets'>>>;

type FieldDef = { code: string; names: Record<string, string>; type: string; options: FieldOption[] };

function shown(
  t: Translate,
  field: string | null,
  v: unknown,
  def?: FieldDef,
  langs?: { lang: string; defaultLang: string },
): string {
  if (v === null || v === undefined || v === '') return t('history.empty');
  if (def && langs && (typeof v === 'string' || Array.isArray(v) || typeof v === 'boolean'))
    return displayFieldValue(def, v as FieldValue, { ...langs, yes: t('yes'), no: t('no') });
  if (typeof v === 'object' && v && 'name' in v)
    return String((v as { name: string | null }).name ?? t('history.deleted'));
  if (field === 'status') return t(`status.${v as 'new'}`);
  if (field === 'priority') return t(`priority.${v as 'normal'}`);
  if (field === 'internalReason') return t(`reason.${v as 'spam'}`);
  if (typeof v === 'boolean') return v ? t('yes') : t('no');
  if (Array.isArray(v)) return v.join(', ');
  return String(v);
}

/** One line per change: who, what, before → after, when (SPEC §2). */
export async function HistoryList({
  rows,
  fields,
  defaultLang,
}: {
  rows: TicketHistoryRow[];
  fields: FieldDef[];
  defaultLang: string;
}) {
  const t = await getTranslations('tickets');
  const tch = await getTranslations('channels.history');
  const lang = await getLocale();
  const defs = new Map(fields.map((f) => [f.code, f]));
  const fieldName = (code: string | null) => {
    const d = code ? defs.get(code) : undefined;
    return d ? d.names[lang] || d.names[defaultLang] || d.code : (code ?? '');
  };
  const valueOf = (r: TicketHistoryRow, v: unknown) =>
    shown(t, r.field, v, r.field ? defs.get(r.field) : undefined, { lang, defaultLang });
  const formatDate = await getFormatDate();
  if (!rows.length) return <p className="text-sm text-slate-500">{t('history.none')}</p>;
  const who = (r: TicketHistoryRow) =>
    r.actorType === 'member'
      ? r.actorName
      : r.actorType === 'trigger'
        ? t('history.trigger', { name: r.actorName ?? '' })
        : t(`history.actor.${r.actorType}`);
  const what = (r: TicketHistoryRow) => {
    if (r.action === 'change')
      return t('history.change', {
        field: t.has(`history.field.${r.field}`) ? t(`history.field.${r.field as 'status'}`) : (r.field ?? ''),
        before: shown(t, r.field, r.before),
        after: shown(t, r.field, r.after),
      });
    if (r.action === 'field')
      return r.detail?.masked
        ? t('history.fieldMasked', { field: fieldName(r.field) })
        : t('history.change', { field: fieldName(r.field), before: valueOf(r, r.before), after: valueOf(r, r.after) });
    if (t.has(`history.action.${r.action}`)) return t(`history.action.${r.action as 'created'}`);
    if (tch.has(r.action)) return tch(r.action as 'sms');
    return r.action;
  };
  return (
    <ol className="divide-y divide-slate-100 rounded-lg border border-slate-200 bg-white text-sm">
      {rows.map((r) => (
        <li key={r.id} className="flex flex-wrap justify-between gap-2 px-4 py-2" data-action={r.action}>
          <span>
            <span className="font-medium">{who(r)}</span> · {what(r)}
          </span>
          <time className="text-xs text-slate-500" dateTime={r.createdAt.toISOString()}>
            {formatDate(r.createdAt, 'dateTimeSeconds')}
          </time>
        </li>
      ))}
    </ol>
  );
}
