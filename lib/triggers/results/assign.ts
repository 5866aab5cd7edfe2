import { z } from 'zod';
import type { ResultModule } from './result';

export const assignSchema = z
  .object({
    type: z.literal('assign'),
    groupId: z.uuid('validation.triggers.group'),
    method: z.enum(['random', 'round_robin', 'agent'], { error: 'validation.triggers.method' }),
    /** The member id of the named agent (상담원 지정). */
    agentId: z.uuid('validation.triggers.agent').nullish(),
  })
  .refine((s) => s.method !== 'agent' || Boolean(s.agentId), { path: ['agentId'], message: 'validation.triggers.agent' });
export type AssignSettings = z.infer<typeof assignSchema>;

/**
 * 티켓: 할당 — a group, then an agent of it: at random, round-robin in the order agents were
 * added, or a named one. Only agents with 티켓 할당 ON count; when none is left the ticket goes
 * to the group alone and history says why.
 */
export const assign: ResultModule<AssignSettings> = {
  type: 'assign',
  schema: assignSchema,
  kind: 'change',
  apply(s, { env, triggerId, index }) {
    const pool = env.assignable(s.groupId);
    let agent: string | null = null;
    if (s.method === 'agent') agent = s.agentId && pool.includes(s.agentId) ? s.agentId : null;
    else if (pool.length) agent = pool[s.method === 'random' ? env.random(pool.length) : env.roundRobin(`${triggerId}:${index}`, pool.length)];
    if (!agent) return { patch: { groupId: s.groupId, assigneeId: null }, outcome: 'changed', reason: 'no_assignable_agent', note: 'no_assignable_agent' };
    return { patch: { groupId: s.groupId, assigneeId: agent }, outcome: 'changed' };
  },
};
