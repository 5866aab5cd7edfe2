import { randomBytes } from 'node:crypto';
import type { Member } from '@/db/schema';

/** What the per-feature action tables share: the callers, the row shape, the action files of app/ and input helpers. */

/** The six callers of issue 13 item 9. */
export const ROLES = ['anon', 'otherService', 'agent', 'noTransfer', 'serviceAdmin', 'orgAdmin'] as const;
export type Role = (typeof ROLES)[number];

export const EVERYONE: Role[] = [...ROLES];
export const MEMBERS: Role[] = ['otherService', 'agent', 'noTransfer', 'serviceAdmin', 'orgAdmin'];
export const DESK: Role[] = ['agent', 'noTransfer', 'serviceAdmin', 'orgAdmin'];
export const AGENT_ROWS: Role[] = ['agent', 'noTransfer', 'serviceAdmin'];
export const TRANSFER: Role[] = ['agent', 'serviceAdmin'];
export const ADMINS: Role[] = ['serviceAdmin', 'orgAdmin'];
export const ORG: Role[] = ['orgAdmin'];
/** Routes a member's session never opens (the Open API takes its own key). */
export const NOBODY: Role[] = [];

export type People = Record<Exclude<Role, 'anon'>, Member>;
export type Fx = {
  s: string;
  ticket: { id: string; number: number };
  groupId: string;
  intakeId: string;
  processingId: string;
  templateId: string;
  triggerId: string;
  wordId: string;
  phoneFieldId: string;
  deliveryId: string;
  replyDeliveryId: string;
  mailAccountId: string;
  attachmentId: string;
  candidateId: string;
  doorayProjectId: string;
  apiKeyId: string;
  invitedId: string;
  inviteDeliveryId: string;
  agentRowId: string;
  people: People;
};
/** One action: the roles that get past its authorization, and a valid input for a fixture. */
export type Row = { allow: Role[]; input: (fx: Fx) => unknown };
export const hex = () => randomBytes(4).toString('hex');

export const A = {
  orgServices: 'app/admin/services/actions.ts',
  orgMembers: 'app/admin/members/actions.ts',
  me: 'app/me/actions.ts',
  agents: 'app/[serviceId]/(desk)/settings/agents/actions.ts',
  groups: 'app/[serviceId]/(desk)/settings/agents/groups/actions.ts',
  categories: 'app/[serviceId]/(desk)/settings/categories/actions.ts',
  templates: 'app/[serviceId]/(desk)/settings/templates/actions.ts',
  words: 'app/[serviceId]/(desk)/settings/banned-words/actions.ts',
  fields: 'app/[serviceId]/(desk)/settings/fields/actions.ts',
  layouts: 'app/[serviceId]/(desk)/settings/fields/layout-actions.ts',
  triggers: 'app/[serviceId]/(desk)/settings/triggers/actions.ts',
  tickets: 'app/[serviceId]/(desk)/tickets/actions.ts',
  ticketWords: 'app/[serviceId]/(desk)/tickets/banned-word-actions.ts',
  ticketTemplates: 'app/[serviceId]/(desk)/tickets/template-actions.ts',
  reveal: 'app/[serviceId]/(desk)/tickets/reveal-actions.ts',
  drafts: 'app/[serviceId]/(desk)/tickets/draft-actions.ts',
  ticketList: 'app/[serviceId]/(desk)/tickets/list-actions.ts',
  helpcenter: 'app/[serviceId]/hc/[lang]/actions.ts',
  login: 'app/login/actions.ts',
  invite: 'app/invite/[token]/actions.ts',
  passwordReset: 'app/password-reset/actions.ts',
  apiAuth: 'app/[serviceId]/(desk)/settings/auth/actions.ts',
  channels: 'app/[serviceId]/(desk)/settings/channels/actions.ts',
  dooray: 'app/[serviceId]/(desk)/tickets/dooray-actions.ts',
  sms: 'app/[serviceId]/(desk)/tickets/sms-actions.ts',
  email: 'app/[serviceId]/(desk)/settings/email/actions.ts',
};
export const row = (file: string, name: string, allow: Role[], input: (fx: Fx) => unknown): [string, Row] => [
  `${file}#${name}`,
  { allow, input },
];
export const uploadForm = () => {
  const f = new FormData();
  f.set('file', new File([Buffer.from('%PDF-1.7')], 'a.pdf', { type: 'application/pdf' }));
  return f;
};
export const xlsx = () => new File([Buffer.from('not really a workbook')], 'c.xlsx');
export const hcForm = (fx: Fx) => {
  const f = new FormData();
  f.set('serviceId', fx.s);
  f.set('lang', 'ko');
  return f;
};
