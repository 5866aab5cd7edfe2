'use client';

import { useTranslations } from 'next-intl';
import { useEffect, useRef } from 'react';
import { saveLayoutAction } from '@/app/[serviceId]/(desk)/settings/email/actions';
import { Button } from '@/components/ui/button';
import { FormError, TextareaField } from '@/components/ui/field';
import { useToast } from '@/components/ui/toast';
import { useFormAction } from '@/components/ui/use-form-action';

/** Inserts `insert` into the textarea at its cursor and puts the cursor after it. */
function insertAtCursor(el: HTMLTextAreaElement, insert: string) {
  const start = el.selectionStart ?? el.value.length;
  const end = el.selectionEnd ?? start;
  el.setRangeText(insert, start, end, 'end');
  el.focus();
}

/**
 * 메일 레이아웃 of one event and language, in the textarea the templates screen uses (HTML or
 * text per the service's editor type), with the substitution-code list: double-click or Enter
 * inserts a code at the cursor. `#{content}` is the reply and is required.
 */
export function LayoutForm({ serviceId, event, lang, body, codes, editorType }: { serviceId: string; event: string; lang: string; body: string; codes: string[]; editorType: 'html' | 'text' }) {
  const t = useTranslations('email.settings');
  const toast = useToast();
  const ref = useRef<HTMLTextAreaElement>(null);
  const { state, pending, onSubmit, fieldErrors, formError } = useFormAction(saveLayoutAction);
  useEffect(() => {
    if (state?.ok) toast(t('saved'));
  }, [state, t, toast]);
  return (
    <form onSubmit={onSubmit} className="grid gap-3 md:grid-cols-[1fr_14rem]" data-testid="layout-form">
      <input type="hidden" name="serviceId" value={serviceId} />
      <input type="hidden" name="event" value={event} />
      <input type="hidden" name="lang" value={lang} />
      <TextareaField ref={ref} name="body" label={t(editorType === 'html' ? 'layoutHtml' : 'layoutText')} help={t('layoutHelp')} errors={fieldErrors?.body} defaultValue={body} rows={14} className="font-mono" />
      <div>
        <p className="mb-1 text-sm font-medium text-slate-700">{t('codes')}</p>
        <ul aria-label={t('codes')} className="h-64 overflow-y-auto rounded-md border border-slate-300 bg-white p-1 font-mono text-xs" data-testid="layout-codes">
          {codes.map((c) => (
            <li key={c}>
              <button
                type="button"
                className="w-full rounded px-2 py-1 text-left hover:bg-slate-50 focus:bg-brand-50"
                onDoubleClick={() => ref.current && insertAtCursor(ref.current, `#{${c}}`)}
                onKeyDown={(e) => e.key === 'Enter' && (e.preventDefault(), ref.current && insertAtCursor(ref.current, `#{${c}}`))}
              >
                {`#{${c}}`}
              </button>
            </li>
          ))}
        </ul>
        <p className="mt-1 text-xs text-slate-500">{t('codesHelp')}</p>
      </div>
      <div className="md:col-span-2">
        <FormError message={formError} />
        <Button type="submit" disabled={pending}>{t('save')}</Button>
      </div>
    </form>
  );
}
