/** Field types of SPEC §5, with the value formats of the original Open API (integrations.md §1.8). */
export const FIELD_TYPES = ['caption', 'text', 'textarea', 'checkbox', 'dropdown', 'radio', 'date', 'datetime', 'date_period', 'datetime_period', 'agree', 'file'] as const;
export type FieldType = (typeof FIELD_TYPES)[number];

export const OPTION_TYPES: readonly FieldType[] = ['checkbox', 'dropdown', 'radio'];
/** Types that hold no value of their own (caption) or whose value travels as attachments (file). */
export const VALUELESS_TYPES: readonly FieldType[] = ['caption', 'file'];

export type FieldOption = { value: string; labels: Record<string, string> };

/** What value validation needs to know about a field definition. */
export type FieldRule = {
  code: string;
  type: FieldType;
  required: boolean;
  /** 0 or undefined = unlimited. */
  maxLength?: number;
  options?: FieldOption[];
};

/** The stored, normalized value of each type. */
export type FieldValue = string | string[] | boolean;
