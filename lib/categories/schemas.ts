import { z } from 'zod';
import { CATEGORY_KINDS } from '@/db/values';

export const CATEGORY_NAME_MAX = 100;

/** A category name: trimmed, NFC, 1–100 characters, no control characters. */
export const categoryNameSchema = z
  .string({ error: 'validation.required' })
  .transform((s) => s.normalize('NFC').trim())
  .pipe(
    z
      .string()
      .min(1, { error: 'validation.required' })
      .max(CATEGORY_NAME_MAX, { error: 'validation.categoryNameLength' })
      .regex(/^[^\p{Cc}\u2028\u2029]*$/u, { error: 'validation.controlChars' }),
  );

const id = z.uuid({ error: 'errors.categoryNotFound' });
const kind = z.enum(CATEGORY_KINDS, { error: 'validation.choice' });
/** Raw per-language names; each is checked against the service's languages by the verb. */
const names = z
  .record(z.string().max(20), z.string().max(1000))
  .refine((r) => Object.keys(r).length <= 20, { error: 'validation.invalid' });

export const createCategoryInput = z.object({ kind, parentId: id.nullish(), names });
export type CreateCategoryInput = z.output<typeof createCategoryInput>;

export const renameCategoryInput = z.object({ id, names });
export type RenameCategoryInput = z.output<typeof renameCategoryInput>;

export const setCategoryActiveInput = z.object({ id, active: z.boolean() });
export type SetCategoryActiveInput = z.output<typeof setCategoryActiveInput>;

export const reorderCategoriesInput = z.object({
  kind,
  parentId: id.nullish(),
  orderedIds: z.array(id).min(1).max(5000),
});
export type ReorderCategoriesInput = z.output<typeof reorderCategoriesInput>;

export const moveCategoryInput = z.object({ id, parentId: id.nullish() });
export type MoveCategoryInput = z.output<typeof moveCategoryInput>;

export const categoryIdInput = z.object({ id });
export type CategoryIdInput = z.output<typeof categoryIdInput>;

export const categoryKindInput = z.object({ kind });

/** 가져오기 (preview and apply): an .xlsx of one tree. */
export const categoryImportInput = z.object({
  kind: z.enum(CATEGORY_KINDS, { error: 'validation.choice' }),
  file: z.instanceof(File, { error: 'errors.categoryImportNoFile' }),
});
