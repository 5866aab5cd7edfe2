'use client';

import { useTranslations } from 'next-intl';
import { useState, useTransition } from 'react';
import { revealFieldAction } from '@/app/[serviceId]/(desk)/tickets/reveal-actions';
import { useToast } from '@/components/ui/toast';

/** A masked personal value with 보기: revealing it is logged (pii_unmasked). */
export function RevealValue({
  serviceId,
  ticketId,
  code,
  label,
  mask,
}: {
  serviceId: string;
  ticketId: string;
  code: string;
  label: string;
  mask: string;
}) {
  const t = useTranslations('pii');
  const toast = useToast();
  const [value, setValue] = useState<string | null>(null);
  const [pending, start] = useTransition();
  if (value !== null) return <span className="break-all whitespace-pre-wrap">{value || '-'}</span>;
  return (
    <span className="inline-flex items-center gap-2">
      <span aria-label={t('masked')}>{mask}</span>
      <button
        type="button"
        className="rounded border border-slate-300 px-1.5 py-0.5 text-xs text-slate-700 hover:bg-slate-50 disabled:opacity-50"
        disabled={pending}
        aria-label={t('revealLabel', { field: label })}
        onClick={() =>
          start(async () => {
            const r = await revealFieldAction(null, { serviceId, ticketId, code });
            if (r.ok) setValue(r.data.value);
            else toast(r.error, 'error');
          })
        }
      >
        {t('reveal')}
      </button>
    </span>
  );
}
