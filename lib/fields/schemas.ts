import { z } from 'zod';
import { formCheckbox } from '@/lib/actions/form-data';
import { FIELD_TYPES } from '@/db/values';

const noControl = /^[^\p{Cc}]*$/u;
const langText = (max: number) =>
  z.record(
    z.string().max(20),
    z.string().trim().max(max, { error: 'validation.tooLong' }).regex(noControl, { error: 'validation.controlChars' }),
  );

/** 항목 코드: letters, digits and underscore, starting with a letter; used by the Open API and #{code}. */
export const fieldCodeSchema = z
  .string()
  .trim()
  .min(1, { error: 'validation.required' })
  .max(50, { error: 'validation.fieldCodeRule' })
  .regex(/^[A-Za-z][A-Za-z0-9_]*$/, { error: 'validation.fieldCodeRule' });

export const fieldOptionSchema = z.object({
  value: z
    .string()
    .trim()
    .min(1, { error: 'validation.fieldOptionEmpty' })
    .max(100)
    .regex(noControl, { error: 'validation.controlChars' }),
  labels: langText(100),
});

/** What the field editor sends; the verb checks it against the service's languages and the type. */
export const fieldEditorInput = z.object({
  names: langText(100),
  descriptions: langText(2000).default({}),
  placeholders: langText(500).default({}),
  visible: formCheckbox.default(true),
  required: formCheckbox.default(false),
  encrypted: formCheckbox.default(false),
  destroyAfterDays: z.preprocess(
    (v) => (v === '' || v === null || v === undefined ? null : v),
    z.coerce
      .number()
      .int({ error: 'validation.fieldDestroyDays' })
      .min(1, { error: 'validation.fieldDestroyDays' })
      .max(3650, { error: 'validation.fieldDestroyDays' })
      .nullable(),
  ),
  destroyBasis: z.preprocess(
    (v) => (v === '' ? null : v),
    z.enum(['closed', 'created'], { error: 'validation.choice' }).nullable().default(null),
  ),
  options: z.array(fieldOptionSchema).max(200, { error: 'validation.tooManyItems' }).default([]),
  maxLength: z.coerce.number().int().min(0).max(100000).default(0),
  defaultValue: z.unknown().optional(),
});

export const createFieldInput = fieldEditorInput.extend({
  audience: z.enum(['customer', 'agent'], { error: 'validation.choice' }),
  type: z.enum(FIELD_TYPES, { error: 'validation.choice' }),
  code: fieldCodeSchema,
});
export type CreateFieldInput = z.output<typeof createFieldInput>;

export const updateFieldInput = fieldEditorInput.extend({ fieldId: z.uuid({ error: 'errors.notFound' }) });
export type UpdateFieldInput = z.output<typeof updateFieldInput>;
export type FieldEditorInput = z.output<typeof fieldEditorInput>;

export const fieldIdInput = z.object({ fieldId: z.uuid({ error: 'errors.notFound' }) });
export type FieldIdInput = z.output<typeof fieldIdInput>;
