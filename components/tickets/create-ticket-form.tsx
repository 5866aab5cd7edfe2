'use client';

import { useRouter } from 'next/navigation';
import { useRef, useState, useTransition } from 'react';
import { useTranslations } from 'next-intl';
import { FieldInput, type FieldInputField } from '@/components/fields/field-input';
import { Button } from '@/components/ui/button';
import { CheckboxField } from '@/components/ui/field';
import { useToast } from '@/components/ui/toast';
import { collectFieldValues } from '@/lib/fields/form-values';
import { createTicketAction } from '@/app/[serviceId]/(desk)/tickets/actions';

/** The customer fields of the chosen intake type; the ticket is created with channel `manual`. */
export function CreateTicketForm({
  serviceId,
  intakeTypeId,
  lang,
  defaultLang,
  fields,
}: {
  serviceId: string;
  intakeTypeId: string;
  lang: string;
  defaultLang: string;
  fields: FieldInputField[];
}) {
  const t = useTranslations('tickets');
  const toast = useToast();
  const router = useRouter();
  const form = useRef<HTMLFormElement>(null);
  const [errors, setErrors] = useState<Record<string, string[]>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [pending, start] = useTransition();
  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    const fd = new FormData(form.current!);
    const values = collectFieldValues(
      fd,
      fields.map((f) => ({
        code: f.code,
        type: f.type,
        required: f.required,
        maxLength: f.maxLength,
        options: f.options,
      })),
    );
    start(async () => {
      const r = await createTicketAction(null, {
        serviceId,
        intakeTypeId,
        values,
        assignToMe: fd.get('assignToMe') === 'on',
      });
      if (!r.ok) {
        setFormError(r.error);
        setErrors(r.fieldErrors ?? {});
        return;
      }
      toast(t('create.done', { number: r.data.number }));
      router.push(`/${serviceId}/tickets/${r.data.number}`);
    });
  };
  return (
    <form
      ref={form}
      onSubmit={submit}
      noValidate
      className="flex max-w-3xl flex-col gap-4 rounded-lg border border-slate-200 bg-white p-5"
    >
      {fields.map((f) => (
        <FieldInput key={f.code} field={f} lang={lang} defaultLang={defaultLang} errors={errors[f.code]} />
      ))}
      <CheckboxField name="assignToMe" label={t('create.assignToMe')} errors={errors.assignToMe} />
      {formError && (
        <p role="alert" className="text-sm text-red-700">
          {formError}
        </p>
      )}
      <div className="flex justify-end">
        <Button type="submit" disabled={pending}>
          {pending ? t('create.creating') : t('create.submit')}
        </Button>
      </div>
    </form>
  );
}
