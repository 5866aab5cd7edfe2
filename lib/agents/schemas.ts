import { z } from 'zod';
import { formCheckbox as checkbox } from '@/lib/actions/form-data';

/** A list of ids from FormData (one value or several) or a JSON array; duplicates are dropped. */
export function idList(message: string, max = 500) {
  return z.preprocess(
    (v) => (v === undefined || v === null || v === '' ? [] : Array.isArray(v) ? v : [v]),
    z
      .array(z.uuid({ error: message }), { error: message })
      .max(max)
      .transform((ids) => [...new Set(ids)]),
  );
}

const role = z.enum(['admin', 'agent'], { error: 'validation.choice' });
// 상담권한: an issue service has only the ticket channel, stored as a set for later channels.
const channels = z.preprocess(
  (v) => (v === undefined || v === null || v === '' ? [] : Array.isArray(v) ? v : [v]),
  z.array(z.enum(['ticket'], { error: 'validation.choice' })).transform((c) => [...new Set(c)]),
);

const permissions = {
  groupIds: idList('validation.unknownGroups'),
  role,
  channels,
  canTransfer: checkbox,
  canViewLogs: checkbox,
};

// 조회 권한 belongs to admins only (SPEC §1); the server refuses it for 상담원 whatever the form sent.
const viewLogsNeedsAdmin = (v: { role: string; canViewLogs: boolean }, ctx: z.RefinementCtx) => {
  if (v.canViewLogs && v.role !== 'admin')
    ctx.addIssue({ code: 'custom', path: ['canViewLogs'], message: 'validation.viewLogsAdminOnly' });
};

export const addAgentInput = z
  .object({ memberId: z.uuid({ error: 'errors.agents.memberNotFound' }), ...permissions })
  .superRefine(viewLogsNeedsAdmin);
export type AddAgentInput = z.output<typeof addAgentInput>;

export const updateAgentInput = z
  .object({ agentId: z.uuid({ error: 'errors.notFound' }), ...permissions })
  .superRefine(viewLogsNeedsAdmin);
export type UpdateAgentInput = z.output<typeof updateAgentInput>;

export const agentIdInput = z.object({ agentId: z.uuid({ error: 'errors.notFound' }) });
export type AgentIdInput = z.output<typeof agentIdInput>;

export const agentSwitchInput = z.object({
  agentId: z.uuid({ error: 'errors.notFound' }),
  field: z.enum(['assignable', 'selfControl'], { error: 'validation.choice' }),
  value: checkbox,
});
export type AgentSwitchInput = z.output<typeof agentSwitchInput>;

export const ownAssignableInput = z.object({ value: checkbox });
export type OwnAssignableInput = z.output<typeof ownAssignableInput>;

const searchText = z.preprocess(
  (v) => (typeof v === 'string' ? v.trim() : v),
  z.string().max(100).optional().default(''),
);

export const searchMembersInput = z
  .object({
    name: searchText,
    loginId: searchText,
    email: searchText,
    after: z.object({ name: z.string().max(200), id: z.uuid() }).optional(),
  })
  // 상담원 검색: at least one of name, login ID or e-mail (SPEC §1).
  .refine((v) => v.name || v.loginId || v.email, { error: 'validation.searchNeedsOne', path: ['_form'] });
export type SearchMembersInput = z.output<typeof searchMembersInput>;

export const agentOptionsInput = z.object({ q: searchText });
export type AgentOptionsInput = z.output<typeof agentOptionsInput>;
