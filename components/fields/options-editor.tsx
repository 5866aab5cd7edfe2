'use client';

import { ArrowDown, ArrowUp, Plus, Trash2 } from 'lucide-react';
import { useTranslations } from 'next-intl';
import type { FieldOption } from '@/db/values';
import { Button } from '@/components/ui/button';

/** Ordered options with a value and a label per language; every control is a real button. */
export function OptionsEditor({
  languages,
  options,
  onChange,
  errors,
}: {
  languages: string[];
  options: FieldOption[];
  onChange: (o: FieldOption[]) => void;
  errors?: string[];
}) {
  const t = useTranslations('fields');
  const set = (i: number, o: FieldOption) => onChange(options.map((x, j) => (j === i ? o : x)));
  const move = (i: number, d: -1 | 1) => {
    const next = [...options];
    [next[i], next[i + d]] = [next[i + d], next[i]];
    onChange(next);
  };
  return (
    <fieldset className="space-y-2">
      <legend className="text-sm font-medium text-slate-700">{t('options')}</legend>
      <ol className="space-y-2">
        {options.map((o, i) => (
          <li
            key={i}
            className="flex flex-wrap items-end gap-2 rounded-md border border-slate-200 p-2"
            data-testid="field-option"
          >
            <label className="flex flex-col text-xs text-slate-600">
              {t('optionValue')}
              <input
                className="w-28 rounded border border-slate-300 px-2 py-1 text-sm"
                value={o.value}
                maxLength={100}
                onChange={(e) => set(i, { ...o, value: e.target.value })}
              />
            </label>
            {languages.map((lang) => (
              <label key={lang} className="flex flex-col text-xs text-slate-600">
                {t('optionLabel', { lang })}
                <input
                  className="w-32 rounded border border-slate-300 px-2 py-1 text-sm"
                  value={o.labels[lang] ?? ''}
                  maxLength={100}
                  onChange={(e) => set(i, { ...o, labels: { ...o.labels, [lang]: e.target.value } })}
                />
              </label>
            ))}
            <div className="ml-auto flex gap-1">
              <Button size="sm" variant="ghost" aria-label={t('moveUp')} disabled={i === 0} onClick={() => move(i, -1)}>
                <ArrowUp className="size-4" />
              </Button>
              <Button
                size="sm"
                variant="ghost"
                aria-label={t('moveDown')}
                disabled={i === options.length - 1}
                onClick={() => move(i, 1)}
              >
                <ArrowDown className="size-4" />
              </Button>
              <Button
                size="sm"
                variant="ghost"
                aria-label={t('removeOption')}
                onClick={() => onChange(options.filter((_, j) => j !== i))}
              >
                <Trash2 className="size-4" />
              </Button>
            </div>
          </li>
        ))}
      </ol>
      {errors?.map((e) => (
        <p key={e} role="alert" className="text-xs text-red-600">
          {e}
        </p>
      ))}
      <Button size="sm" variant="secondary" onClick={() => onChange([...options, { value: '', labels: {} }])}>
        <Plus className="size-4" aria-hidden />
        {t('addOption')}
      </Button>
    </fieldset>
  );
}
