import { z } from 'zod';
import type { ResultModule } from './result';

export const assignSchema = z
  .object({
    type: z.literal('assign'),
    groupId: z.uuid('validation.triggers.group'),
    method: z.enum(['random', 'round_robin', 'agent'], { error: 'validation.triggers.method' }),
    /** The member id of the named agent (상담원 지정). */
    agentId: z.uuid('validation.triggers.agent').nullish(),
    /** 선택한 상담원 중: random / round-robin only among these members of the group (none = all of them). */
    agentIds: z
      .array(z.uuid('validation.triggers.agent'))
      .max(500)
      .transform((ids) => [...new Set(ids)])
      .nullish(),
  })
  .refine((s) => s.method !== 'agent' || Boolean(s.agentId), {
    path: ['agentId'],
    message: 'validation.triggers.agent',
  });
export type AssignSettings = z.infer<typeof assignSchema>;

/**
 * 티켓: 할당 — a group, then an agent of it: at random, round-robin in the order agents were
 * added (among the chosen ones when some are chosen), or a named one. Only agents with 티켓 할당 ON count; when none is left the ticket goes
 * to the group alone and history says why.
 */
export const assign: ResultModule<AssignSettings> = {
  type: 'assign',
  schema: assignSchema,
  kind: 'change',
  apply(s, { env, triggerId, index }) {
    const all = env.assignable(s.groupId);
    // Chosen agents keep the group's order; one who left the group (or turned 티켓 할당 OFF) drops out.
    const chosen = s.method !== 'agent' && s.agentIds?.length ? new Set(s.agentIds) : null;
    const pool = chosen ? all.filter((id) => chosen.has(id)) : all;
    let agent: string | null = null;
    if (s.method === 'agent') agent = s.agentId && pool.includes(s.agentId) ? s.agentId : null;
    else if (pool.length)
      agent =
        pool[s.method === 'random' ? env.random(pool.length) : env.roundRobin(`${triggerId}:${index}`, pool.length)];
    if (!agent)
      return {
        patch: { groupId: s.groupId, assigneeId: null },
        outcome: 'changed',
        reason: 'no_assignable_agent',
        note: 'no_assignable_agent',
      };
    return { patch: { groupId: s.groupId, assigneeId: agent }, outcome: 'changed' };
  },
};
