'use client';

import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { TextField } from '@/components/ui/field';
import { ORIGINAL_LANGUAGES } from '@/lib/i18n/original-languages';

/**
 * 헬프센터 언어: the ordered code list (the first is the default) as a text field, plus the
 * original's language list with ISO codes to add or remove one with a click.
 */
export function LanguagePicker({
  name,
  label,
  help,
  defaultValue,
  errors,
}: {
  name: string;
  label: string;
  help: string;
  defaultValue: string[];
  errors?: string[];
}) {
  const t = useTranslations('serviceLanguages');
  const [codes, setCodes] = useState(defaultValue.join(', '));
  const list = codes.split(/[\s,]+/).filter(Boolean);
  const toggle = (code: string) =>
    setCodes((list.includes(code) ? list.filter((c) => c !== code) : [...list, code]).join(', '));
  return (
    <div className="space-y-2">
      <TextField
        name={name}
        label={label}
        help={help}
        value={codes}
        onChange={(e) => setCodes(e.target.value)}
        errors={errors}
        maxLength={200}
      />
      <fieldset>
        <legend className="mb-1 text-xs text-slate-600">{t('original')}</legend>
        <div className="flex flex-wrap gap-1.5" data-testid="language-options">
          {ORIGINAL_LANGUAGES.map((l) => (
            <button
              key={l.code}
              type="button"
              aria-pressed={list.includes(l.code)}
              onClick={() => toggle(l.code)}
              className={
                list.includes(l.code)
                  ? 'rounded-full bg-brand-600 px-2.5 py-0.5 text-xs text-white'
                  : 'rounded-full border border-slate-300 px-2.5 py-0.5 text-xs text-slate-700 hover:bg-slate-50'
              }
            >
              {l.name} <span className="font-mono opacity-75">{l.code}</span>
            </button>
          ))}
        </div>
        <p className="mt-1 text-xs text-slate-500">{t('fallback')}</p>
      </fieldset>
    </div>
  );
}
