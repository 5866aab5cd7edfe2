import type { FieldOption, FieldType, FieldValue } from '@/db/values';

/** A field as the settings screens show and edit it (plain data for client components). */
export type FieldView = {
  id: string;
  audience: 'customer' | 'agent';
  code: string;
  type: FieldType;
  isSystem: boolean;
  names: Record<string, string>;
  descriptions: Record<string, string>;
  placeholders: Record<string, string>;
  visible: boolean;
  required: boolean;
  encrypted: boolean;
  destroyAfterDays: number | null;
  destroyBasis: 'closed' | 'created' | null;
  options: FieldOption[];
  maxLength: number;
  defaultValue: FieldValue | null;
};
