import { randomBytes, randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { NextRequest } from 'next/server';
import {
  apiKeys,
  bannedWords,
  categories,
  doorayProjects,
  fields,
  mailAccounts,
  serviceMembers,
  templates,
  triggerDeliveries,
  triggers,
  type Member,
} from '@/db/schema';
import { saveAttachments } from '@/lib/attachments/save';
import type { Db } from '@/db';
import { makeAgent, makeGroup, makeMember, makeService } from './factories';
import { makeTicket } from './tickets';

/**
 * The table of every exported server action and route handler of app/: who may get past its
 * authorization, and a valid call of it against a fresh service (`makeFixture`). The role ×
 * action matrix (tests/integration/authz-matrix.test.ts) and the malformed-input sweep
 * (tests/integration/input-sweep.test.ts) both run over it. A new action or route needs a row here.
 */

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
const hex = () => randomBytes(4).toString('hex');

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
const row = (file: string, name: string, allow: Role[], input: (fx: Fx) => unknown): [string, Row] => [
  `${file}#${name}`,
  { allow, input },
];
const uploadForm = () => {
  const f = new FormData();
  f.set('file', new File([Buffer.from('%PDF-1.7')], 'a.pdf', { type: 'application/pdf' }));
  return f;
};
const xlsx = () => new File([Buffer.from('not really a workbook')], 'c.xlsx');
const hcForm = (fx: Fx) => {
  const f = new FormData();
  f.set('serviceId', fx.s);
  f.set('lang', 'ko');
  return f;
};

/** file#export → who may get past its authorization, and a valid call of it. */
export const ACTIONS = new Map<string, Row>([
  row(A.orgServices, 'createServiceAction', ORG, () => ({ id: `m${hex()}`, name: '새 서비스', languages: 'ko' })),
  row(A.orgServices, 'updateServiceAction', ORG, (fx) => ({
    serviceId: fx.s,
    name: '새 이름',
    languages: 'ko',
    editorType: 'html',
  })),
  row(A.orgMembers, 'inviteMemberAction', ORG, () => ({
    name: '김초대',
    loginId: `inv${hex()}`,
    email: `inv${hex()}@example.com`,
  })),
  row(A.orgMembers, 'resendInviteAction', ORG, (fx) => ({ memberId: fx.invitedId })),
  row(A.orgMembers, 'resendMemberMailAction', ORG, (fx) => ({ deliveryId: fx.inviteDeliveryId })),
  row(A.orgMembers, 'setMemberActiveAction', ORG, (fx) => ({ memberId: fx.invitedId, active: 'false' })),
  row(A.orgMembers, 'unlockMemberAction', ORG, (fx) => ({ memberId: fx.invitedId })),
  row(A.me, 'updateLocaleAction', MEMBERS, () => ({ locale: 'ko' })),
  row(A.me, 'setOwnAssignableAction', AGENT_ROWS, (fx) => ({ serviceId: fx.s, value: false })),
  row(A.me, 'changePasswordAction', MEMBERS, () => ({
    current: 'not-the-password-1',
    password: 'new-secret-2026',
    confirm: 'new-secret-2026',
  })),
  row(A.agents, 'inviteServiceMemberAction', ADMINS, (fx) => ({
    serviceId: fx.s,
    name: '정상담',
    loginId: `cs${hex()}`,
    email: `cs${hex()}@example.com`,
  })),
  row(A.agents, 'searchMembersAction', ADMINS, (fx) => ({ serviceId: fx.s, name: '회원' })),
  row(A.agents, 'addAgentAction', ADMINS, (fx) => ({ serviceId: fx.s, memberId: fx.candidateId, role: 'agent' })),
  row(A.agents, 'updateAgentAction', ADMINS, (fx) => ({
    serviceId: fx.s,
    agentId: fx.agentRowId,
    role: 'agent',
    channels: ['ticket'],
    canTransfer: false,
    canViewLogs: false,
    groupIds: [],
  })),
  row(A.agents, 'removeAgentAction', ADMINS, (fx) => ({ serviceId: fx.s, agentId: fx.agentRowId })),
  row(A.agents, 'setAgentSwitchAction', ADMINS, (fx) => ({
    serviceId: fx.s,
    agentId: fx.agentRowId,
    field: 'assignable',
    value: false,
  })),
  row(A.groups, 'createGroupAction', ADMINS, (fx) => ({ serviceId: fx.s, name: `그룹 ${hex()}`, agentIds: [] })),
  row(A.groups, 'updateGroupAction', ADMINS, (fx) => ({
    serviceId: fx.s,
    groupId: fx.groupId,
    name: `바뀐 ${hex()}`,
    agentIds: [],
  })),
  row(A.groups, 'deleteGroupAction', ADMINS, (fx) => ({ serviceId: fx.s, groupId: fx.groupId })),
  row(A.groups, 'groupUsageAction', ADMINS, (fx) => ({ serviceId: fx.s, groupId: fx.groupId })),
  row(A.groups, 'agentOptionsAction', ADMINS, (fx) => ({ serviceId: fx.s, q: '' })),
  row(A.categories, 'createCategoryAction', ADMINS, (fx) => ({
    serviceId: fx.s,
    kind: 'intake',
    parentId: null,
    names: { ko: `유형 ${hex()}` },
  })),
  row(A.categories, 'renameCategoryAction', ADMINS, (fx) => ({
    serviceId: fx.s,
    id: fx.intakeId,
    names: { ko: `이름 ${hex()}` },
  })),
  row(A.categories, 'setCategoryActiveAction', ADMINS, (fx) => ({ serviceId: fx.s, id: fx.intakeId, active: false })),
  row(A.categories, 'reorderCategoriesAction', ADMINS, (fx) => ({
    serviceId: fx.s,
    kind: 'intake',
    parentId: null,
    orderedIds: [fx.intakeId],
  })),
  row(A.categories, 'moveCategoryAction', ADMINS, (fx) => ({ serviceId: fx.s, id: fx.intakeId, parentId: null })),
  row(A.categories, 'categoryDeleteImpactAction', ADMINS, (fx) => ({ serviceId: fx.s, id: fx.intakeId })),
  row(A.categories, 'deleteCategoryAction', ADMINS, (fx) => ({ serviceId: fx.s, id: fx.intakeId })),
  row(A.categories, 'previewCategoryImportAction', ADMINS, (fx) => ({ serviceId: fx.s, kind: 'intake', file: xlsx() })),
  row(A.categories, 'applyCategoryImportAction', ADMINS, (fx) => ({ serviceId: fx.s, kind: 'intake', file: xlsx() })),
  row(A.templates, 'createTemplateAction', ADMINS, (fx) => ({
    serviceId: fx.s,
    scope: 'service',
    title: `인사 ${hex()}`,
    content: '안녕하세요',
    categoryIds: [],
  })),
  row(A.templates, 'updateTemplateAction', ADMINS, (fx) => ({
    serviceId: fx.s,
    id: fx.templateId,
    scope: 'service',
    title: `인사 ${hex()}`,
    content: '반갑습니다',
    categoryIds: [],
  })),
  row(A.templates, 'deleteTemplateAction', ADMINS, (fx) => ({ serviceId: fx.s, id: fx.templateId })),
  row(A.templates, 'searchTemplatesAction', ADMINS, (fx) => ({ serviceId: fx.s })),
  row(A.templates, 'linkedTemplatesAction', ADMINS, (fx) => ({ serviceId: fx.s, categoryId: fx.processingId })),
  row(A.templates, 'linkTemplatesAction', ADMINS, (fx) => ({
    serviceId: fx.s,
    categoryId: fx.processingId,
    templateIds: [fx.templateId],
  })),
  row(A.templates, 'unlinkTemplatesAction', ADMINS, (fx) => ({
    serviceId: fx.s,
    categoryId: fx.processingId,
    templateIds: [fx.templateId],
  })),
  row(A.words, 'addBannedWordsAction', ADMINS, (fx) => ({ serviceId: fx.s, words: `금칙${hex()}` })),
  row(A.words, 'updateBannedWordAction', ADMINS, (fx) => ({ serviceId: fx.s, id: fx.wordId, word: `바꾼${hex()}` })),
  row(A.words, 'deleteBannedWordAction', ADMINS, (fx) => ({ serviceId: fx.s, id: fx.wordId })),
  row(A.fields, 'createFieldAction', ADMINS, (fx) => ({
    serviceId: fx.s,
    audience: 'customer',
    type: 'text',
    code: `f${hex()}`,
    names: { ko: '주문번호' },
  })),
  row(A.fields, 'updateFieldAction', ADMINS, (fx) => ({
    serviceId: fx.s,
    fieldId: fx.phoneFieldId,
    names: { ko: '연락처' },
    required: false,
  })),
  row(A.fields, 'deleteFieldAction', ADMINS, (fx) => ({ serviceId: fx.s, fieldId: fx.phoneFieldId })),
  row(A.fields, 'resetFieldAction', ADMINS, (fx) => ({ serviceId: fx.s, fieldId: fx.phoneFieldId })),
  row(A.layouts, 'saveLayoutAction', ADMINS, (fx) => ({
    serviceId: fx.s,
    audience: 'customer',
    intakeTypeId: fx.intakeId,
    fieldIds: [],
  })),
  row(A.layouts, 'removeOwnLayoutAction', ADMINS, (fx) => ({ serviceId: fx.s, intakeTypeId: fx.intakeId })),
  row(A.triggers, 'createTriggerAction', ADMINS, (fx) => ({
    serviceId: fx.s,
    title: `t ${hex()}`,
    conditions: [{ mode: 'all', target: 'event', operator: 'is', value: 'created' }],
    results: [{ type: 'set_group', groupId: fx.groupId }],
  })),
  row(A.triggers, 'updateTriggerAction', ADMINS, (fx) => ({
    serviceId: fx.s,
    triggerId: fx.triggerId,
    title: 'x',
    conditions: [{ mode: 'all', target: 'event', operator: 'is', value: 'created' }],
    results: [{ type: 'set_group', groupId: fx.groupId }],
  })),
  row(A.triggers, 'setTriggerActiveAction', ADMINS, (fx) => ({
    serviceId: fx.s,
    triggerId: fx.triggerId,
    active: true,
  })),
  row(A.triggers, 'deleteTriggerAction', ADMINS, (fx) => ({ serviceId: fx.s, triggerId: fx.triggerId })),
  row(A.triggers, 'reorderTriggersAction', ADMINS, (fx) => ({ serviceId: fx.s, ids: [fx.triggerId] })),
  row(A.triggers, 'testRunAction', ADMINS, (fx) => ({
    serviceId: fx.s,
    ticketNumber: fx.ticket.number,
    event: 'updated',
  })),
  row(A.triggers, 'retryDeliveryAction', ADMINS, (fx) => ({ serviceId: fx.s, deliveryId: fx.deliveryId })),
  row(A.triggers, 'rotateSecretAction', ADMINS, (fx) => ({ serviceId: fx.s })),
  row(A.triggers, 'testCallbackAction', ADMINS, (fx) => ({ serviceId: fx.s, url: 'https://127.0.0.1:1/cb' })),
  row(A.tickets, 'processTicketAction', DESK, (fx) => ({
    serviceId: fx.s,
    ticketId: fx.ticket.id,
    version: 1,
    action: 'comment',
    body: '메모',
  })),
  row(A.tickets, 'bulkProcessAction', DESK, (fx) => ({
    serviceId: fx.s,
    ticketIds: [fx.ticket.id],
    action: 'comment',
    body: '메모',
  })),
  row(A.tickets, 'previewReplyAction', DESK, (fx) => ({ serviceId: fx.s, ticketId: fx.ticket.id, body: '안녕하세요' })),
  row(A.tickets, 'takeTicketAction', DESK, (fx) => ({ serviceId: fx.s, ticketId: fx.ticket.id })),
  row(A.tickets, 'transferTicketAction', TRANSFER, (fx) => ({
    serviceId: fx.s,
    ticketId: fx.ticket.id,
    version: 1,
    assigneeId: fx.people.noTransfer.id,
  })),
  row(A.tickets, 'completeTicketAction', ADMINS, (fx) => ({ serviceId: fx.s, ticketId: fx.ticket.id, version: 1 })),
  row(A.tickets, 'starTicketAction', DESK, (fx) => ({ serviceId: fx.s, ticketId: fx.ticket.id, starred: true })),
  row(A.tickets, 'updateTicketAction', DESK, (fx) => ({
    serviceId: fx.s,
    ticketId: fx.ticket.id,
    version: 1,
    values: {},
  })),
  row(A.tickets, 'restoreSpamAction', ADMINS, (fx) => ({ serviceId: fx.s, ticketId: fx.ticket.id })),
  row(A.tickets, 'deleteSpamAction', ADMINS, (fx) => ({ serviceId: fx.s, ticketIds: [fx.ticket.id] })),
  row(A.tickets, 'createTicketAction', DESK, (fx) => ({
    serviceId: fx.s,
    intakeTypeId: fx.intakeId,
    values: { subject: '문의', content: '내용', personalAgree: true },
  })),
  row(A.ticketWords, 'checkBannedWordsAction', DESK, (fx) => ({ serviceId: fx.s, text: '안녕하세요' })),
  row(A.ticketTemplates, 'listTicketTemplatesAction', DESK, (fx) => ({ serviceId: fx.s, ticketId: fx.ticket.id })),
  // Admins, and the ticket's assignee (the fixture's ticket has none).
  row(A.reveal, 'revealFieldAction', ADMINS, (fx) => ({ serviceId: fx.s, ticketId: fx.ticket.id, code: 'phone' })),
  row(A.ticketTemplates, 'renderTicketTemplateAction', DESK, (fx) => ({
    serviceId: fx.s,
    ticketId: fx.ticket.id,
    templateId: fx.templateId,
  })),
  // Channels (issue 16): admins configure, agents of the service send.
  row(A.channels, 'setDoorayStateAction', ADMINS, (fx) => ({ serviceId: fx.s, enabled: 'true', paused: 'false' })),
  row(A.channels, 'regenerateHookTokenAction', ADMINS, (fx) => ({ serviceId: fx.s })),
  row(A.channels, 'revealHookUrlAction', ADMINS, (fx) => ({ serviceId: fx.s })),
  row(A.channels, 'registerDoorayOrgAction', ADMINS, (fx) => ({
    serviceId: fx.s,
    name: '조직',
    doorayOrgId: '1234567890',
    tenantToken: 'tok',
  })),
  row(A.channels, 'testDoorayConnectionAction', ADMINS, (fx) => ({ serviceId: fx.s })),
  row(A.channels, 'registerDoorayProjectAction', ADMINS, (fx) => ({
    serviceId: fx.s,
    name: '프로젝트',
    address: 'https://nhn.dooray.com/project/1',
    doorayProjectId: '1234567890',
    registrantId: fx.people.serviceAdmin.id,
  })),
  row(A.channels, 'deleteDoorayProjectAction', ADMINS, (fx) => ({ serviceId: fx.s, projectId: fx.doorayProjectId })),
  row(A.channels, 'generateUserKeyAction', ADMINS, (fx) => ({ serviceId: fx.s, agentId: fx.agentRowId })),
  row(A.channels, 'saveSmsConfigAction', ADMINS, (fx) => ({
    serviceId: fx.s,
    apiVersion: 'v3.0',
    appKey: 'app',
    secretKey: 'secret',
  })),
  row(A.channels, 'saveAllowedSendersAction', ADMINS, (fx) => ({ serviceId: fx.s, senders: ['0212345678'] })),
  row(A.channels, 'testSmsConfigAction', ADMINS, (fx) => ({ serviceId: fx.s })),
  row(A.dooray, 'transferToDoorayAction', DESK, (fx) => ({
    serviceId: fx.s,
    ticketId: fx.ticket.id,
    version: 1,
    projectId: fx.doorayProjectId,
    subject: '이관',
    body: '내용',
  })),
  row(A.dooray, 'doorayCommentAction', DESK, (fx) => ({ serviceId: fx.s, ticketId: fx.ticket.id, body: '코멘트' })),
  row(A.sms, 'sendTicketSmsAction', DESK, (fx) => ({
    serviceId: fx.s,
    ticketId: fx.ticket.id,
    clickKey: fx.templateId,
    senderNo: '0212345678',
    to: 'number',
    recipientNo: '01012345678',
    body: '안내',
  })),
  // Open API keys and settings (issue 14): service admins.
  row(A.apiAuth, 'issueApiKeyAction', ADMINS, (fx) => ({ serviceId: fx.s })),
  row(A.apiAuth, 'revokeApiKeyAction', ADMINS, (fx) => ({ serviceId: fx.s, keyId: fx.apiKeyId })),
  row(A.apiAuth, 'saveApiSettingsAction', ADMINS, (fx) => ({
    serviceId: fx.s,
    enabled: 'on',
    cidrs: '',
    rateLimitPerMinute: 60,
  })),
  row(A.drafts, 'saveDraftAction', DESK, (fx) => ({ serviceId: fx.s, ticketId: fx.ticket.id, body: '작성 중' })),
  // List ergonomics (issue 18): each agent's own saved filters and columns; ids for a bulk run.
  row(A.ticketList, 'saveFilterAction', DESK, (fx) => ({
    serviceId: fx.s,
    name: '내 미할당',
    query: 'menu=unassigned&priority=high',
  })),
  row(A.ticketList, 'deleteFilterAction', DESK, (fx) => ({ serviceId: fx.s, filterId: fx.ticket.id })),
  row(A.ticketList, 'setListColumnsAction', DESK, (fx) => ({ serviceId: fx.s, columns: ['status', 'assignee'] })),
  row(A.ticketList, 'matchingTicketIdsAction', DESK, (fx) => ({ serviceId: fx.s, query: 'menu=all' })),
  // 이메일 설정 (issue 15): service admins; 재발송 of a failed reply: anyone at the desk.
  row(A.email, 'saveSenderAction', ADMINS, (fx) => ({
    serviceId: fx.s,
    senderName: '고객센터',
    senderAddress: 'help@example.com',
  })),
  row(A.email, 'saveLayoutAction', ADMINS, (fx) => ({
    serviceId: fx.s,
    event: 'solved',
    lang: 'ko',
    body: '안녕하세요.\n#{content}',
  })),
  row(A.email, 'saveAccountAction', ADMINS, (fx) => ({
    serviceId: fx.s,
    host: 'imap.example.com',
    port: 993,
    tls: 'on',
    username: 'cs@example.com',
    password: 'secret',
    folder: 'INBOX',
    active: 'on',
    afterImport: 'seen',
  })),
  row(A.email, 'testAccountAction', ADMINS, (fx) => ({ serviceId: fx.s, id: fx.mailAccountId })),
  row(A.email, 'deleteAccountAction', ADMINS, (fx) => ({ serviceId: fx.s, id: fx.mailAccountId })),
  row(A.tickets, 'resendReplyMailAction', DESK, (fx) => ({ serviceId: fx.s, deliveryId: fx.replyDeliveryId })),
  // Public on purpose: the form token, the invite token, a language cookie.
  row(A.helpcenter, 'submitInquiryAction', EVERYONE, hcForm),
  row(A.login, 'setGuestLocaleAction', EVERYONE, () => ({ locale: 'ko' })),
  row(A.passwordReset, 'requestPasswordResetAction', EVERYONE, () => ({ login: `nobody${hex()}` })),
  row(A.passwordReset, 'resetPasswordAction', EVERYONE, () => ({
    token: 'y'.repeat(43),
    password: 'new-secret-2026',
    confirm: 'new-secret-2026',
  })),
  row(A.invite, 'acceptInviteAction', EVERYONE, () => ({
    token: 'x'.repeat(43),
    password: 'new-secret-2026',
    confirm: 'new-secret-2026',
  })),
]);

export type RouteRow = {
  allow: Role[];
  call: (
    fx: Fx,
    handler: (req: Request, ctx: { params: Promise<Record<string, unknown>> }) => Promise<Response>,
  ) => Promise<Response>;
};
export const ROUTES = new Map<string, RouteRow>([
  [
    'app/[serviceId]/(desk)/settings/categories/export/route.ts#GET',
    {
      allow: ADMINS,
      call: (fx, h) =>
        h(new Request(`http://localhost/${fx.s}/settings/categories/export?kind=intake`), {
          params: Promise.resolve({ serviceId: fx.s }),
        }),
    },
  ],
  [
    'app/[serviceId]/attachments/[attachmentId]/route.ts#GET',
    {
      allow: DESK,
      call: (fx, h) =>
        h(new Request(`http://localhost/${fx.s}/attachments/${fx.attachmentId}`), {
          params: Promise.resolve({ serviceId: fx.s, attachmentId: fx.attachmentId }),
        }),
    },
  ],
  // Dooray's project hook: the per-service token is the credential; it always answers 200.
  [
    'app/[serviceId]/api/v2/dooray/hook/route.ts#POST',
    {
      allow: EVERYONE,
      call: (fx, h) =>
        h(new Request(`http://localhost/${fx.s}/api/v2/dooray/hook?token=x`, { method: 'POST', body: '{}' }), {
          params: Promise.resolve({ serviceId: fx.s }),
        }),
    },
  ],
  // The Open API authenticates with its API key, never with a member's session: no role gets in.
  // Unsigned on purpose, as in the original product: the help-center form's public data.
  [
    'app/[serviceId]/api/v2/ticket/categories.json/route.ts#GET',
    {
      allow: EVERYONE,
      call: (fx, h) =>
        h(new Request(`http://localhost/${fx.s}/x`, { method: 'GET' }), {
          params: Promise.resolve({ serviceId: fx.s }),
        }),
    },
  ],
  // Unsigned on purpose, as in the original product: the help-center form's public data.
  [
    'app/[serviceId]/api/v2/ticket/field/user/[categoryId]/route.ts#GET',
    {
      allow: EVERYONE,
      call: (fx, h) =>
        h(new Request(`http://localhost/${fx.s}/x`, { method: 'GET' }), {
          params: Promise.resolve({ serviceId: fx.s, categoryId: fx.intakeId }),
        }),
    },
  ],
  [
    'app/[serviceId]/openapi/v1/ticket.json/route.ts#POST',
    {
      allow: NOBODY,
      call: (fx, h) =>
        h(new Request(`http://localhost/${fx.s}/x`, { method: 'POST', body: '{}' }), {
          params: Promise.resolve({ serviceId: fx.s }),
        }),
    },
  ],
  [
    'app/[serviceId]/openapi/v1/ticket/attachments/upload.json/route.ts#POST',
    {
      allow: NOBODY,
      call: (fx, h) =>
        h(new Request(`http://localhost/${fx.s}/x`, { method: 'POST', body: uploadForm() }), {
          params: Promise.resolve({ serviceId: fx.s }),
        }),
    },
  ],
  [
    'app/[serviceId]/openapi/v1/ticket/enduser/[usercode]/[ticketId]/comment.json/route.ts#POST',
    {
      allow: NOBODY,
      call: (fx, h) =>
        h(new Request(`http://localhost/${fx.s}/x`, { method: 'POST', body: '{}' }), {
          params: Promise.resolve({ serviceId: fx.s, usercode: 'u1', ticketId: fx.ticket.id }),
        }),
    },
  ],
  [
    'app/[serviceId]/openapi/v1/ticket/enduser/[usercode]/[ticketId]/detail.json/route.ts#GET',
    {
      allow: NOBODY,
      call: (fx, h) =>
        h(new Request(`http://localhost/${fx.s}/x`, { method: 'GET' }), {
          params: Promise.resolve({ serviceId: fx.s, usercode: 'u1', ticketId: fx.ticket.id }),
        }),
    },
  ],
  [
    'app/[serviceId]/openapi/v1/ticket/enduser/[usercode]/list.json/route.ts#GET',
    {
      allow: NOBODY,
      call: (fx, h) =>
        h(new Request(`http://localhost/${fx.s}/x`, { method: 'GET' }), {
          params: Promise.resolve({ serviceId: fx.s, usercode: 'u1' }),
        }),
    },
  ],
  // The API's own description: public.
  [
    'app/[serviceId]/openapi/openapi.json/route.ts#GET',
    {
      allow: EVERYONE,
      call: (fx, h) =>
        h(new Request(`http://localhost/${fx.s}/openapi/openapi.json`), {
          params: Promise.resolve({ serviceId: fx.s }),
        }),
    },
  ],
  // The live desk (issue 18): members of the service only. The stream is cancelled at once.
  [
    'app/[serviceId]/live/route.ts#GET',
    {
      allow: DESK,
      call: async (fx, h) => {
        const res = await h(new Request(`http://localhost/${fx.s}/live`), {
          params: Promise.resolve({ serviceId: fx.s }),
        });
        await res.body?.cancel().catch(() => undefined);
        return res;
      },
    },
  ],
  // The reply box's last-moment draft save (keepalive fetch on pagehide): members of the service only.
  [
    'app/[serviceId]/drafts/route.ts#POST',
    {
      allow: DESK,
      call: (fx, h) =>
        h(
          new Request(`http://localhost/${fx.s}/drafts`, {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify({ ticketId: fx.ticket.id, body: '작성 중' }),
          }),
          { params: Promise.resolve({ serviceId: fx.s }) },
        ),
    },
  ],
  [
    'app/[serviceId]/live/route.ts#POST',
    {
      allow: DESK,
      call: (fx, h) =>
        h(
          new Request(`http://localhost/${fx.s}/live`, {
            method: 'POST',
            body: JSON.stringify({ ticketId: fx.ticket.id, state: 'viewing' }),
          }),
          { params: Promise.resolve({ serviceId: fx.s }) },
        ),
    },
  ],
  // Liveness and readiness for load balancers: public, and they say yes or no only.
  [
    'app/api/health/route.ts#GET',
    {
      allow: EVERYONE,
      call: (_fx, h) => h(new Request('http://localhost/api/health'), { params: Promise.resolve({}) }),
    },
  ],
  [
    'app/api/ready/route.ts#GET',
    {
      allow: EVERYONE,
      call: (_fx, h) => h(new Request('http://localhost/api/ready'), { params: Promise.resolve({}) }),
    },
  ],
  // next-auth's own endpoints (sign-in, CSRF, session) are public by nature.
  [
    'app/api/auth/[...nextauth]/route.ts#GET',
    {
      allow: EVERYONE,
      call: (_fx, h) =>
        h(new NextRequest('http://localhost/api/auth/csrf'), { params: Promise.resolve({ nextauth: ['csrf'] }) }),
    },
  ],
  [
    'app/api/auth/[...nextauth]/route.ts#POST',
    {
      allow: EVERYONE,
      call: (_fx, h) =>
        h(
          new NextRequest('http://localhost/api/auth/_log', {
            method: 'POST',
            body: '',
            headers: { 'content-type': 'application/x-www-form-urlencoded' },
          }),
          { params: Promise.resolve({ nextauth: ['_log'] }) },
        ),
    },
  ],
]);

/** A fresh service with one of everything the table's inputs point at. */
export async function makeFixture(db: () => Db, people: People): Promise<Fx> {
  const s = (await makeService(db())).id;
  const rows = await db()
    .insert(serviceMembers)
    .values([
      { serviceId: s, memberId: people.agent.id, role: 'agent', canTransfer: true, selfControl: true },
      { serviceId: s, memberId: people.noTransfer.id, role: 'agent', canTransfer: false, selfControl: true },
      { serviceId: s, memberId: people.serviceAdmin.id, role: 'admin', canTransfer: true, selfControl: true },
    ])
    .returning();
  const target = await makeAgent(db(), s, 'agent');
  const group = await makeGroup(db(), s, `그룹 ${hex()}`, [rows[0].id]);
  const [intake, processing] = await db()
    .insert(categories)
    .values([
      { serviceId: s, kind: 'intake', path: `/${randomUUID()}/`, depth: 1, name: '문의', names: { ko: '문의' } },
      { serviceId: s, kind: 'processing', path: `/${randomUUID()}/`, depth: 1, name: '처리' },
    ])
    .returning();
  const ticket = await makeTicket(db(), s, { requesterEmail: 'customer@example.com' });
  const [template] = await db()
    .insert(templates)
    .values({ serviceId: s, title: '인사', content: '안녕하세요', createdBy: people.serviceAdmin.id })
    .returning();
  const [trigger] = await db()
    .insert(triggers)
    .values({ serviceId: s, title: '꺼진 트리거', active: false, conditions: [], results: [] })
    .returning();
  const [word] = await db().insert(bannedWords).values({ serviceId: s, word: '바보', matchKey: '바보' }).returning();
  const [phone] = await db()
    .select()
    .from(fields)
    .where(eq(fields.serviceId, s))
    .then((fs) => fs.filter((f) => f.code === 'phone'));
  const [delivery] = await db()
    .insert(triggerDeliveries)
    .values({
      serviceId: s,
      triggerId: trigger.id,
      triggerTitle: trigger.title,
      ticketId: ticket.id,
      kind: 'callback',
      target: 'example.com',
      request: {},
      status: 'dead',
    })
    .returning();
  const [replyDelivery] = await db()
    .insert(triggerDeliveries)
    .values({
      serviceId: s,
      ticketId: ticket.id,
      triggerTitle: '',
      kind: 'reply_mail',
      target: 'customer',
      request: {},
      status: 'dead',
    })
    .returning();
  // Its sealed password is not one: 연결 테스트 answers "failed" without reaching any server.
  const [mailAccount] = await db()
    .insert(mailAccounts)
    .values({ serviceId: s, host: 'imap.example.com', username: 'cs@example.com', passwordSealed: 'x' })
    .returning();
  const [attachment] = await saveAttachments(db(), s, ticket.id, null, [
    { fileName: 'a.pdf', contentType: 'application/pdf', data: Buffer.from('%PDF-1.7') },
  ]);
  const [project] = await db()
    .insert(doorayProjects)
    .values({ serviceId: s, name: '프로젝트', address: 'https://nhn.dooray.com/project/1', doorayProjectId: '1' })
    .returning();
  const [apiKey] = await db().insert(apiKeys).values({ serviceId: s, sealed: 'x', hint: 'abcd' }).returning();
  const candidate = await makeMember(db());
  const invited = await makeMember(db(), { status: 'invited' });
  const [inviteDelivery] = await db()
    .insert(triggerDeliveries)
    .values({
      serviceId: null,
      triggerTitle: '',
      kind: 'invite_mail',
      target: `member:${invited.id}`,
      request: {},
      status: 'dead',
    })
    .returning();
  return {
    s,
    ticket,
    groupId: group.id,
    intakeId: intake.id,
    processingId: processing.id,
    templateId: template.id,
    triggerId: trigger.id,
    wordId: word.id,
    phoneFieldId: phone.id,
    deliveryId: delivery.id,
    replyDeliveryId: replyDelivery.id,
    mailAccountId: mailAccount.id,
    attachmentId: attachment.id,
    candidateId: candidate.id,
    doorayProjectId: project.id,
    apiKeyId: apiKey.id,
    invitedId: invited.id,
    inviteDeliveryId: inviteDelivery.id,
    agentRowId: target.agent.id,
    people,
  };
}

/** The callers, created once: an admin of another service, and members who get agent rows per fixture. */
export async function makePeople(db: () => Db): Promise<People> {
  const otherService = (await makeService(db())).id;
  const other = await makeAgent(db(), otherService, 'admin', { canTransfer: true, selfControl: true });
  return {
    otherService: other.member,
    agent: await makeMember(db()),
    noTransfer: await makeMember(db()),
    serviceAdmin: await makeMember(db()),
    orgAdmin: await makeMember(db(), { isOrgAdmin: true }),
  };
}
