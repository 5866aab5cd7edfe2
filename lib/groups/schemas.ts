import { z } from 'zod';
import { idList } from '@/lib/agents/schemas';

export const GROUP_NAME_MAX = 50;

export const groupNameSchema = z
  .string()
  .trim()
  .min(1, { error: 'validation.required' })
  .max(GROUP_NAME_MAX)
  .regex(/^[^\p{Cc}]*$/u, { error: 'validation.controlChars' });

const agentIds = idList('validation.unknownAgents', 1000);

export const createGroupInput = z.object({ name: groupNameSchema, agentIds });
export type CreateGroupInput = z.output<typeof createGroupInput>;

export const updateGroupInput = z.object({
  groupId: z.uuid({ error: 'errors.notFound' }),
  name: groupNameSchema,
  agentIds,
});
export type UpdateGroupInput = z.output<typeof updateGroupInput>;

export const groupIdInput = z.object({ groupId: z.uuid({ error: 'errors.notFound' }) });
export type GroupIdInput = z.output<typeof groupIdInput>;
