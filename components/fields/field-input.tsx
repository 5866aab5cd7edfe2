import type { FieldOption, FieldType, FieldValue } from '@/db/values';
import { inputName } from '@/lib/fields/form-values';
import { cn } from '@/components/ui/cn';

export type FieldInputField = {
  code: string;
  type: FieldType;
  names: Record<string, string>;
  descriptions: Record<string, string>;
  placeholders: Record<string, string>;
  options: FieldOption[];
  required: boolean;
  maxLength: number;
};

const box = 'block w-full rounded-md border px-3 py-2 text-sm shadow-sm focus:outline-2 focus:outline-brand-500';
const pick = (m: Record<string, string>, lang: string, fallback: string) => m[lang] || m[fallback] || '';

/**
 * One field of a ticket form, by type, as plain HTML inputs (so the help center works
 * without JavaScript); the help center, ticket creation and processing screens share it.
 * Values are read back with `collectFieldValues`.
 */
export function FieldInput({
  field,
  lang,
  defaultLang,
  value,
  errors,
}: {
  field: FieldInputField;
  lang: string;
  defaultLang: string;
  value?: FieldValue | null;
  errors?: string[];
}) {
  const id = `field-${field.code}`;
  const label = pick(field.names, lang, defaultLang) || field.code;
  const description = pick(field.descriptions, lang, defaultLang);
  const placeholder = pick(field.placeholders, lang, defaultLang) || undefined;
  const invalid = Boolean(errors?.length);
  const described = [description && `${id}-desc`, invalid && `${id}-err`].filter(Boolean).join(' ') || undefined;
  const common = {
    id,
    name: inputName(field.code),
    required: field.required,
    'aria-invalid': invalid || undefined,
    'aria-describedby': described,
  };
  const cls = cn(box, invalid ? 'border-red-500' : 'border-slate-300');
  const str = typeof value === 'string' ? value : '';
  const [from, to] = str.includes(' ~ ') ? str.split(' ~ ') : ['', ''];
  const local = (v: string) => v.replace(' ', 'T');
  const optLabel = (o: FieldOption) => pick(o.labels, lang, defaultLang) || o.value;

  let control: React.ReactNode = null;
  switch (field.type) {
    case 'caption':
      return (
        <p className="text-sm text-slate-700" data-field={field.code}>
          {label}
          {description && <span className="mt-1 block text-xs text-slate-500">{description}</span>}
        </p>
      );
    case 'text':
      control = (
        <input
          type="text"
          {...common}
          className={cls}
          defaultValue={str}
          placeholder={placeholder}
          maxLength={field.maxLength || undefined}
        />
      );
      break;
    case 'textarea':
      control = (
        <textarea
          {...common}
          className={cls}
          rows={6}
          defaultValue={str}
          placeholder={placeholder}
          maxLength={field.maxLength || undefined}
        />
      );
      break;
    case 'dropdown':
      control = (
        <select {...common} className={cls} defaultValue={str}>
          <option value="">—</option>
          {field.options.map((o) => (
            <option key={o.value} value={o.value}>
              {optLabel(o)}
            </option>
          ))}
        </select>
      );
      break;
    case 'radio':
    case 'checkbox': {
      const chosen = new Set(Array.isArray(value) ? value : str ? [str] : []);
      return (
        <fieldset aria-describedby={described} aria-invalid={invalid || undefined} data-field={field.code}>
          <legend className="text-sm font-medium text-slate-700">
            {label}
            {field.required && (
              <span className="ml-0.5 text-red-600" aria-hidden>
                *
              </span>
            )}
          </legend>
          {description && (
            <p id={`${id}-desc`} className="text-xs text-slate-500">
              {description}
            </p>
          )}
          <div className="mt-1 flex flex-wrap gap-4">
            {field.options.map((o) => (
              <label key={o.value} className="flex items-center gap-1.5 text-sm">
                <input
                  type={field.type}
                  name={inputName(field.code)}
                  value={o.value}
                  defaultChecked={chosen.has(o.value)}
                  className="accent-brand-600"
                />
                {optLabel(o)}
              </label>
            ))}
          </div>
          {errors?.map((e) => (
            <p key={e} id={`${id}-err`} role="alert" className="text-xs text-red-600">
              {e}
            </p>
          ))}
        </fieldset>
      );
    }
    case 'date':
      control = <input type="date" {...common} className={cls} defaultValue={str} />;
      break;
    case 'datetime':
      control = <input type="datetime-local" {...common} className={cls} defaultValue={local(str)} />;
      break;
    case 'date_period':
    case 'datetime_period': {
      const type = field.type === 'date_period' ? 'date' : 'datetime-local';
      const conv = field.type === 'date_period' ? (v: string) => v : local;
      control = (
        <div className="flex items-center gap-2">
          <input
            type={type}
            id={id}
            name={inputName(field.code, 'from')}
            aria-describedby={described}
            required={field.required}
            className={cls}
            defaultValue={conv(from)}
          />
          <span aria-hidden>~</span>
          <input
            type={type}
            aria-label={`${label} ~`}
            name={inputName(field.code, 'to')}
            required={field.required}
            className={cls}
            defaultValue={conv(to)}
          />
        </div>
      );
      break;
    }
    case 'agree':
      return (
        <div data-field={field.code}>
          {description && (
            <p id={`${id}-desc`} className="mb-1 rounded-md bg-slate-50 p-3 text-xs whitespace-pre-line text-slate-600">
              {description}
            </p>
          )}
          <label className="flex items-center gap-2 text-sm">
            <input
              type="checkbox"
              {...common}
              value="true"
              defaultChecked={value === true}
              className="size-4 accent-brand-600"
            />
            {label}
            {field.required && (
              <span className="text-red-600" aria-hidden>
                *
              </span>
            )}
          </label>
          {errors?.map((e) => (
            <p key={e} id={`${id}-err`} role="alert" className="text-xs text-red-600">
              {e}
            </p>
          ))}
        </div>
      );
    case 'file':
      control = <input type="file" {...common} multiple className="block text-sm" />;
      break;
  }
  return (
    <div className="space-y-1" data-field={field.code}>
      <label htmlFor={id} className="block text-sm font-medium text-slate-700">
        {label}
        {field.required && (
          <span className="ml-0.5 text-red-600" aria-hidden>
            *
          </span>
        )}
      </label>
      {description && (
        <p id={`${id}-desc`} className="text-xs text-slate-500">
          {description}
        </p>
      )}
      {control}
      {errors?.map((e) => (
        <p key={e} id={`${id}-err`} role="alert" className="text-xs text-red-600">
          {e}
        </p>
      ))}
    </div>
  );
}
