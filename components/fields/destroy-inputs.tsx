'use client';

import { useTranslations } from 'next-intl';
import { useId } from 'react';

const PRESETS = [30, 90, 180, 365];

/** 개인정보 파기: never, a preset or custom number of days, counted from close or creation. */
export function DestroyInputs({
  days,
  basis,
  errors,
  onChange,
}: {
  days: number | null;
  basis: 'closed' | 'created' | null;
  errors?: string[];
  onChange: (days: number | null, basis: 'closed' | 'created' | null) => void;
}) {
  const t = useTranslations('fields');
  const id = useId();
  const custom = days !== null && !PRESETS.includes(days);
  return (
    <fieldset className="space-y-2">
      <legend className="text-sm font-medium text-slate-700">{t('destroy')}</legend>
      <div className="flex flex-wrap items-center gap-2">
        <select
          aria-label={t('destroy')}
          className="rounded-md border border-slate-300 px-2 py-1.5 text-sm"
          value={days === null ? '' : custom ? 'custom' : String(days)}
          onChange={(e) => {
            const v = e.target.value;
            if (!v) onChange(null, null);
            else onChange(v === 'custom' ? (days ?? 30) : Number(v), basis ?? 'closed');
          }}
        >
          <option value="">{t('destroyNone')}</option>
          {PRESETS.map((p) => (
            <option key={p} value={p}>
              {t('destroyDays', { days: p })}
            </option>
          ))}
          <option value="custom">{t('destroyCustom')}</option>
        </select>
        {custom && (
          <input
            aria-label={t('destroyCustom')}
            type="number"
            min={1}
            max={3650}
            className="w-24 rounded-md border border-slate-300 px-2 py-1.5 text-sm"
            value={days ?? ''}
            onChange={(e) => onChange(e.target.value === '' ? 0 : Number(e.target.value), basis ?? 'closed')}
          />
        )}
        {days !== null && (
          <>
            <label htmlFor={`${id}-basis`} className="text-sm text-slate-600">
              {t('destroyBasis')}
            </label>
            <select
              id={`${id}-basis`}
              className="rounded-md border border-slate-300 px-2 py-1.5 text-sm"
              value={basis ?? 'closed'}
              onChange={(e) => onChange(days, e.target.value as 'closed' | 'created')}
            >
              <option value="closed">{t('basisClosed')}</option>
              <option value="created">{t('basisCreated')}</option>
            </select>
          </>
        )}
      </div>
      <p className="text-xs text-slate-500">{t('destroyHelp')}</p>
      {errors?.map((e) => (
        <p key={e} role="alert" className="text-xs text-red-600">
          {e}
        </p>
      ))}
    </fieldset>
  );
}
