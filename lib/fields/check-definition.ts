import { ValidationError, type FieldErrorRefs } from '@/lib/errors';
import type { FieldEditorInput } from './schemas';
import { COLUMN_STORED, REQUIRED_LOCKED, TREE_BACKED } from './system-fields';
import { OPTION_TYPES, VALUELESS_TYPES, type FieldType, type FieldValue } from '@/db/values';
import { validateFieldValue } from './validate-value';

type Checked = Omit<FieldEditorInput, 'serviceId' | 'defaultValue'> & { defaultValue: FieldValue | null };

/**
 * The rules of a field definition that need its type, code and the service's languages:
 * names per language (default required), options for option types, the required lock,
 * destruction settings and the default value. Throws one ValidationError with every problem.
 */
export function checkDefinition(input: FieldEditorInput, type: FieldType, code: string, languages: string[]): Checked {
  const errors: FieldErrorRefs = {};
  const add = (f: string, key: string, params?: Record<string, string | number>) =>
    (errors[f] ??= []).push({ key, params });
  const langs = new Set(languages);
  const only = (m: Record<string, string>) =>
    Object.fromEntries(Object.entries(m).filter(([l, v]) => langs.has(l) && v.trim()));

  const names = only(input.names);
  if (!names[languages[0]]) add('names', 'validation.fieldNameDefault', { lang: languages[0] });
  if (Object.keys(input.names).some((l) => !langs.has(l))) add('names', 'validation.fieldUnknownLanguage');

  const hasOptions = OPTION_TYPES.includes(type) && !TREE_BACKED.has(code);
  const options = hasOptions ? input.options.map((o) => ({ value: o.value, labels: only(o.labels) })) : [];
  if (hasOptions && options.length === 0) add('options', 'validation.fieldOptionsRequired');
  if (new Set(options.map((o) => o.value.toLowerCase())).size !== options.length)
    add('options', 'validation.fieldOptionDuplicate');
  if (options.some((o) => !o.labels[languages[0]]))
    add('options', 'validation.fieldOptionLabel', { lang: languages[0] });

  if (REQUIRED_LOCKED.has(code) && !input.required) add('required', 'validation.fieldRequiredLocked');
  if (type === 'caption' && input.required) add('required', 'validation.fieldCaptionRequired');
  if (VALUELESS_TYPES.includes(type) && input.encrypted) add('encrypted', 'validation.fieldNoValue');
  if (COLUMN_STORED.has(code) && input.encrypted) add('encrypted', 'fieldRules.columnNoEncrypt');
  if (COLUMN_STORED.has(code) && input.destroyAfterDays !== null) add('destroyAfterDays', 'fieldRules.columnNoDestroy');
  if ((input.destroyAfterDays === null) !== (input.destroyBasis === null))
    add('destroyAfterDays', 'validation.fieldDestroyPair');
  if (input.destroyAfterDays !== null && VALUELESS_TYPES.includes(type))
    add('destroyAfterDays', 'validation.fieldNoValue');

  const maxLength = type === 'text' || type === 'textarea' ? input.maxLength : 0;
  let defaultValue: FieldValue | null = null;
  if (input.defaultValue !== undefined && input.defaultValue !== null && input.defaultValue !== '') {
    const r = validateFieldValue({ code, type, required: false, maxLength, options }, input.defaultValue);
    if (!r.ok) add('defaultValue', r.error.key, r.error.params);
    else defaultValue = r.value;
  }
  if (Object.keys(errors).length) throw new ValidationError(errors);
  return {
    names,
    descriptions: only(input.descriptions),
    placeholders: only(input.placeholders),
    visible: input.visible,
    required: input.required,
    encrypted: input.encrypted,
    destroyAfterDays: input.destroyAfterDays,
    destroyBasis: input.destroyBasis,
    options,
    maxLength,
    defaultValue,
  };
}
