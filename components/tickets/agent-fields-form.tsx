'use client';

import { useRouter } from 'next/navigation';
import { useRef, useState, useTransition } from 'react';
import { useTranslations } from 'next-intl';
import { FieldInput, type FieldInputField } from '@/components/fields/field-input';
import { Button } from '@/components/ui/button';
import { useToast } from '@/components/ui/toast';
import { collectFieldValues } from '@/lib/fields/form-values';
import type { FieldValue } from '@/db/values';
import { updateTicketAction } from '@/app/[serviceId]/(desk)/tickets/actions';

type Option = { id: string; label: string };
type Props = {
  serviceId: string;
  ticketId: string;
  version: number;
  lang: string;
  defaultLang: string;
  intakeTypeId: string | null;
  processingTypeId: string | null;
  intake: Option[];
  processing: Option[];
  fields: FieldInputField[];
  values: Record<string, FieldValue | null>;
  disabled: boolean;
};

/** The agent part of the ticket: 접수유형, 처리유형 and the agent-field layout, saved together. */
export function AgentFieldsForm(p: Props) {
  const t = useTranslations('tickets');
  const toast = useToast();
  const router = useRouter();
  const form = useRef<HTMLFormElement>(null);
  const [errors, setErrors] = useState<Record<string, string[]>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [pending, start] = useTransition();
  const save = (e: React.FormEvent) => {
    e.preventDefault();
    const fd = new FormData(form.current!);
    const values = collectFieldValues(
      fd,
      p.fields.map((f) => ({
        code: f.code,
        type: f.type,
        required: f.required,
        maxLength: f.maxLength,
        options: f.options,
      })),
    );
    start(async () => {
      const r = await updateTicketAction(null, {
        serviceId: p.serviceId,
        ticketId: p.ticketId,
        version: p.version,
        intakeTypeId: String(fd.get('intakeTypeId') ?? ''),
        processingTypeId: String(fd.get('processingTypeId') ?? ''),
        values,
      });
      if (!r.ok) {
        setFormError(r.error);
        setErrors(r.fieldErrors ?? {});
        return;
      }
      setErrors({});
      setFormError(null);
      toast(t('fields.saved'));
      router.refresh();
    });
  };
  const select = 'block w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-sm';
  return (
    <form
      ref={form}
      onSubmit={save}
      aria-labelledby="agent-fields-title"
      className="rounded-lg border border-slate-200 bg-white p-5"
    >
      <h2 id="agent-fields-title" className="mb-3 font-medium">
        {t('fields.title')}
      </h2>
      <fieldset disabled={p.disabled || pending} className="grid gap-4 sm:grid-cols-2">
        <label className="flex flex-col gap-1 text-sm">
          {t('col.intake')}
          <select
            name="intakeTypeId"
            defaultValue={p.intakeTypeId ?? ''}
            className={select}
            aria-invalid={Boolean(errors.category)}
          >
            <option value="">-</option>
            {p.intake.map((o) => (
              <option key={o.id} value={o.id}>
                {o.label}
              </option>
            ))}
          </select>
          {errors.category && <span className="text-red-700">{errors.category.join(' ')}</span>}
        </label>
        <label className="flex flex-col gap-1 text-sm">
          {t('col.processing')}
          <select
            name="processingTypeId"
            defaultValue={p.processingTypeId ?? ''}
            className={select}
            aria-invalid={Boolean(errors.processingType)}
          >
            <option value="">-</option>
            {p.processing.map((o) => (
              <option key={o.id} value={o.id}>
                {o.label}
              </option>
            ))}
          </select>
          {errors.processingType && <span className="text-red-700">{errors.processingType.join(' ')}</span>}
        </label>
        {p.fields.map((f) => (
          <FieldInput
            key={f.code}
            field={f}
            lang={p.lang}
            defaultLang={p.defaultLang}
            value={p.values[f.code] ?? null}
            errors={errors[f.code]}
          />
        ))}
      </fieldset>
      {formError && (
        <p role="alert" className="mt-3 text-sm text-red-700">
          {formError}
        </p>
      )}
      <div className="mt-4 flex justify-end">
        <Button type="submit" disabled={p.disabled || pending}>
          {pending ? t('fields.saving') : t('fields.save')}
        </Button>
      </div>
    </form>
  );
}
