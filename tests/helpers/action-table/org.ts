import { MEMBERS, AGENT_ROWS, ORG, A, row, hex, type Row } from './table';

/** Organization settings (서비스, 회원) and the member's own 내 정보. */
export const orgActions: [string, Row][] = [
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
];
