'use client';

import { startTransition, useActionState, useState, type FormEvent } from 'react';
import { submitInquiryAction, type InquiryState } from '@/app/[serviceId]/hc/[lang]/actions';
import { FieldInput, type FieldInputField } from '@/components/fields/field-input';
import { Button } from '@/components/ui/button';
import { FormError } from '@/components/ui/field';
import { isNoFile } from '@/lib/attachments/form-files';
import { MAX_ATTACHMENT_BYTES, MAX_ATTACHMENTS } from '@/lib/attachments/limits';
import { inputName } from '@/lib/fields/form-values';
import type { FieldValue } from '@/db/values';

export type InquiryFormLabels = {
  submit: string;
  submitting: string;
  attachHint: string;
  attachAgain: string;
  tooLarge: string;
  tooMany: string;
};

/**
 * The inquiry form of one intake type. Without JavaScript it posts as a plain multipart form
 * (the server action's progressive enhancement) and comes back filled in on a refusal; with
 * JavaScript it submits in place without React's form reset, so nothing typed is lost.
 */
export function InquiryForm({
  serviceId,
  lang,
  defaultLang,
  token,
  intakeTypeId,
  fields,
  labels,
}: {
  serviceId: string;
  lang: string;
  defaultLang: string;
  token: string;
  intakeTypeId: string;
  fields: FieldInputField[];
  labels: InquiryFormLabels;
}) {
  const [state, dispatch, pending] = useActionState<InquiryState, FormData>(submitInquiryAction, null);
  const [fileErrors, setFileErrors] = useState<Record<string, string[]>>({});
  const onSubmit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const fd = new FormData(e.currentTarget);
    // The server checks again; this only spares uploading what it would refuse.
    const errs: Record<string, string[]> = {};
    let count = 0;
    for (const f of fields.filter((x) => x.type === 'file')) {
      for (const file of fd.getAll(inputName(f.code))) {
        if (typeof file === 'string' || isNoFile(file)) continue;
        if (++count > MAX_ATTACHMENTS) (errs[f.code] ??= []).push(labels.tooMany);
        else if (file.size > MAX_ATTACHMENT_BYTES) (errs[f.code] ??= []).push(`${file.name}: ${labels.tooLarge}`);
      }
    }
    setFileErrors(Object.fromEntries(Object.entries(errs).map(([k, v]) => [k, [...new Set(v)]])));
    if (Object.keys(errs).length) return;
    startTransition(() => dispatch(fd));
  };
  const hasFiles = fields.some((f) => f.type === 'file');
  return (
    <form action={dispatch} onSubmit={onSubmit} encType="multipart/form-data" className="space-y-5">
      <input type="hidden" name="serviceId" value={serviceId} />
      <input type="hidden" name="lang" value={lang} />
      <input type="hidden" name="_token" value={state?.token ?? token} />
      <input type="hidden" name="f.category" value={intakeTypeId} />
      {state?.fieldErrors.category && <FormError message={state.fieldErrors.category.join(' ')} />}
      {/* Remounted after each refusal so every input shows what was sent back. */}
      <div key={state?.nonce ?? 0} className="space-y-5">
        {fields.map((f) => (
          <div key={f.code}>
            <FieldInput
              field={f}
              lang={lang}
              defaultLang={defaultLang}
              value={(state?.values[f.code] as FieldValue | undefined) ?? null}
              errors={fileErrors[f.code] ?? state?.fieldErrors[f.code]}
            />
            {f.type === 'file' && <p className="mt-1 text-xs text-slate-500">{labels.attachHint}</p>}
          </div>
        ))}
      </div>
      {state && hasFiles && <p className="text-xs text-amber-700">{labels.attachAgain}</p>}
      <FormError message={state?.error} />
      <Button type="submit" disabled={pending} className="w-full sm:w-auto">
        {pending ? labels.submitting : labels.submit}
      </Button>
    </form>
  );
}
