import { ADMINS, A, row, hex, type Row } from './table';

/** 상담원 and 그룹 settings. */
export const agentsActions: [string, Row][] = [
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
];
