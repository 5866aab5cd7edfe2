import { z } from 'zod';
import type { ResultModule } from './result';

export const setIntakeTypeSchema = z.object({
  type: z.literal('set_intake_type'),
  categoryId: z.uuid('validation.triggers.category'),
});
export type SetIntakeTypeSettings = z.infer<typeof setIntakeTypeSchema>;

/** 접수유형 할당. A category deleted since the trigger was saved is skipped. */
export const setIntakeType: ResultModule<SetIntakeTypeSettings> = {
  type: 'set_intake_type',
  schema: setIntakeTypeSchema,
  kind: 'change',
  apply(s, { env }) {
    const path = env.categoryPath(s.categoryId);
    if (!path) return { outcome: 'skipped', reason: 'category_gone' };
    return { patch: { intakeTypeId: s.categoryId, intakeTypePath: path }, outcome: 'changed' };
  },
};
