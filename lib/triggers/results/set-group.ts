import { z } from 'zod';
import type { ResultModule } from './result';

export const setGroupSchema = z.object({ type: z.literal('set_group'), groupId: z.uuid('validation.triggers.group') });
export type SetGroupSettings = z.infer<typeof setGroupSchema>;

/** 티켓 그룹 전달: the group changes and the assignee is cleared. */
export const setGroup: ResultModule<SetGroupSettings> = {
  type: 'set_group',
  schema: setGroupSchema,
  kind: 'change',
  apply: (s) => ({ patch: { groupId: s.groupId, assigneeId: null }, outcome: 'changed' }),
};
