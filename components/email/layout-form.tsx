'use client';

import { useTranslations } from 'next-intl';
import { useEffect, useId, useRef } from 'react';
import { saveLayoutAction } from '@/app/[serviceId]/(desk)/settings/email/actions';
import { Button } from '@/components/ui/button';
import { FormError } from '@/components/ui/field';
import { BodyEditor, type BodyEditorHandle } from '@/components/ui/rich-text-editor';
import { useToast } from '@/components/ui/toast';
import { useFormAction } from '@/components/ui/use-form-action';

/**
 * 메일 레이아웃 of one event and language, in the editor the templates screen uses: the rich-text
 * editor when the service's editor type is HTML, a textarea when it is TEXT; with the
 * substitution-code list (double-click or Enter inserts a code at the cursor). `#{content}` is
 * the reply and is required; HTML is sanitized again when saved and when mailed.
 */
export function LayoutForm({
  serviceId,
  event,
  lang,
  body,
  codes,
  editorType,
}: {
  serviceId: string;
  event: string;
  lang: string;
  body: string;
  codes: string[];
  editorType: 'html' | 'text';
}) {
  const t = useTranslations('email.settings');
  const toast = useToast();
  const ref = useRef<BodyEditorHandle>(null);
  const id = useId();
  const { state, pending, onSubmit, fieldErrors, formError } = useFormAction(saveLayoutAction);
  useEffect(() => {
    if (state?.ok) toast(t('saved'));
  }, [state, t, toast]);
  return (
    <form onSubmit={onSubmit} className="grid gap-3 md:grid-cols-[1fr_14rem]" data-testid="layout-form">
      <input type="hidden" name="serviceId" value={serviceId} />
      <input type="hidden" name="event" value={event} />
      <input type="hidden" name="lang" value={lang} />
      <div className="space-y-1">
        <label id={`${id}-label`} htmlFor={id} className="block text-sm font-medium text-slate-700">
          {t(editorType === 'html' ? 'layoutHtml' : 'layoutText')}
        </label>
        <BodyEditor
          html={editorType === 'html'}
          id={id}
          labelledBy={`${id}-label`}
          ref={ref}
          name="body"
          rows={14}
          defaultValue={body}
          invalid={Boolean(fieldErrors?.body?.length)}
        />
        <p id={`${id}-help`} className="text-xs text-slate-500">
          {t('layoutHelp')}
        </p>
        {fieldErrors?.body?.map((e) => (
          <p key={e} role="alert" className="text-xs text-red-600">
            {e}
          </p>
        ))}
      </div>
      <div>
        <p className="mb-1 text-sm font-medium text-slate-700">{t('codes')}</p>
        <ul
          aria-label={t('codes')}
          className="h-64 overflow-y-auto rounded-md border border-slate-300 bg-white p-1 font-mono text-xs"
          data-testid="layout-codes"
        >
          {codes.map((c) => (
            <li key={c}>
              <button
                type="button"
                className="w-full rounded px-2 py-1 text-left hover:bg-slate-50 focus:bg-brand-50"
                onDoubleClick={() => ref.current?.insert(`#{${c}}`)}
                onKeyDown={(e) => e.key === 'Enter' && (e.preventDefault(), ref.current?.insert(`#{${c}}`))}
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
        <Button type="submit" disabled={pending}>
          {t('save')}
        </Button>
      </div>
    </form>
  );
}
