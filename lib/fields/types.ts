import type { FieldOption, FieldType } from '@/db/values';

/** What value validation needs to know about a field definition. */
export type FieldRule = {
  code: string;
  type: FieldType;
  required: boolean;
  /** 0 or undefined = unlimited. */
  maxLength?: number;
  options?: FieldOption[];
};
