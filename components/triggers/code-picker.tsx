'use client';

import { useTranslations } from 'next-intl';
import type { CodeOption } from '@/lib/substitution/code-list';

/**
 * Substitution codes in groups (기본 필드 / 고객 필드); [<] inserts `#{code}` where the cursor is.
 * Codes that only have a value on replies are offered only where `reply` says the text is sent on one.
 */
export function CodePicker({
  codes: all,
  reply = false,
  onInsert,
}: {
  codes: { basic: CodeOption[]; customer: CodeOption[] };
  reply?: boolean;
  onInsert: (code: string) => void;
}) {
  const t = useTranslations('triggers.codes');
  const tc = useTranslations('substitutionCodes');
  const keep = (list: CodeOption[]) => list.filter((c) => reply || !c.replyOnly);
  const codes = { basic: keep(all.basic), customer: keep(all.customer) };
  const hidden = !reply && all.basic.some((c) => c.replyOnly);
  return (
    <div className="max-h-72 space-y-3 overflow-y-auto rounded-md border border-slate-200 p-2 text-sm">
      {(['basic', 'customer'] as const).map((group) => (
        <section key={group} aria-label={t(group)}>
          <h4 className="mb-1 text-xs font-semibold text-slate-500">{t(group)}</h4>
          <ul className="space-y-0.5">
            {codes[group].map((c) => (
              <li key={c.value} className="flex items-center justify-between gap-2">
                <span className="truncate" title={`#{${c.value}}`}>
                  {c.label} <code className="text-xs text-slate-500">{`#{${c.value}}`}</code>
                </span>
                <button
                  type="button"
                  className="rounded border border-slate-300 px-1.5 text-xs hover:bg-slate-100"
                  onClick={() => onInsert(c.value)}
                  aria-label={t('insert', { code: c.value })}
                >
                  [&lt;]
                </button>
              </li>
            ))}
          </ul>
        </section>
      ))}
      {hidden && (
        <p className="text-xs text-slate-500" data-testid="reply-only-note">
          {tc('replyOnlyNote')}
        </p>
      )}
    </div>
  );
}

/** Inserts text at the cursor of a textarea/input (or at the end), returning the new value. */
export function insertAt(el: HTMLTextAreaElement | HTMLInputElement | null, value: string, text: string): string {
  if (!el || el.selectionStart === null) return value + text;
  const start = el.selectionStart;
  const end = el.selectionEnd ?? start;
  return value.slice(0, start) + text + value.slice(end);
}
