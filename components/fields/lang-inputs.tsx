'use client';

import { TextField } from '@/components/ui/field';

/** One input per help-center language (default first, marked required). */
export function LangInputs({
  label,
  languages,
  value,
  onChange,
  errors,
  maxLength,
  required,
}: {
  label: string;
  languages: string[];
  value: Record<string, string>;
  onChange: (v: Record<string, string>) => void;
  errors?: string[];
  maxLength: number;
  required?: boolean;
}) {
  return (
    <fieldset className="space-y-2">
      <legend className="sr-only">{label}</legend>
      {languages.map((lang, i) => (
        <TextField
          key={lang}
          label={`${label} (${lang})`}
          required={required && i === 0}
          value={value[lang] ?? ''}
          maxLength={maxLength}
          onChange={(e) => onChange({ ...value, [lang]: e.target.value })}
          errors={i === 0 ? errors : undefined}
        />
      ))}
    </fieldset>
  );
}
