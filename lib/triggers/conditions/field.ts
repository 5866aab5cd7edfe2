import type { FieldType } from '@/db/values';
import type { ValueType } from '../types';
import type { Target } from './target';

/** The prefix of a custom (or system) field target: `field:<code>`. */
export const FIELD_PREFIX = 'field:';

const TYPES: Partial<Record<FieldType, ValueType>> = {
  text: 'text', textarea: 'text', dropdown: 'enum', radio: 'enum', checkbox: 'enum', date: 'date', datetime: 'date', agree: 'enum',
};

/** The value type a field's conditions use, or null for fields a trigger cannot test (periods, files, captions). */
export function fieldValueType(type: FieldType): ValueType | null {
  return TYPES[type] ?? null;
}

/** A visible, non-encrypted field by its code (its plain value is in the snapshot). */
export function fieldTarget(code: string, type: ValueType, values?: readonly string[]): Target {
  return { id: FIELD_PREFIX + code, type, values, read: (t) => t.fields[code] ?? null };
}
