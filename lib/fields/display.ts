import type { FieldOption, FieldValue } from '@/db/values';

type Displayable = { type: string; options?: FieldOption[] | null };
const OPTION_TYPES = new Set(['dropdown', 'radio', 'checkbox']);

/** An option's label in `lang`, else the service's default language (else any), else the stored code. */
export function optionLabel(
  options: FieldOption[] | null | undefined,
  code: string,
  lang: string,
  defaultLang: string,
): string {
  const o = options?.find((x) => x.value === code);
  if (!o) return code;
  return o.labels[lang] || o.labels[defaultLang] || Object.values(o.labels).find(Boolean) || code;
}

/**
 * A stored field value as a person reads it (ticket screen, list, history, mails, substitution
 * codes): 드롭다운/라디오/체크박스 codes become their option labels in the reader's language,
 * agreements yes/no. Exports and the Open API keep the stored codes and never come here.
 */
export function displayFieldValue(
  field: Displayable | undefined,
  value: FieldValue | null | undefined,
  opts: { lang: string; defaultLang: string; yes: string; no: string },
): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'boolean') return value ? opts.yes : opts.no;
  const label = (code: string) =>
    field && OPTION_TYPES.has(field.type) ? optionLabel(field.options, code, opts.lang, opts.defaultLang) : code;
  return Array.isArray(value) ? value.map(label).join(', ') : label(value);
}
