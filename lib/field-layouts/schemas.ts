import { z } from 'zod';

const uuid = z.uuid({ error: 'errors.notFound' });

/** 필드 설정 save: the ordered fields of one audience's layout (of an intake type, or the default one). */
export const saveLayoutInput = z.object({
  audience: z.enum(['customer', 'agent']),
  intakeTypeId: uuid.nullable(),
  fieldIds: z.array(uuid).max(500),
});
/** An intake type's own layout, removed so it inherits again. */
export const removeOwnLayoutInput = z.object({ intakeTypeId: uuid });
export type RemoveOwnLayoutInput = z.output<typeof removeOwnLayoutInput>;
