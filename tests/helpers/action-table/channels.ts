import { DESK, ADMINS, A, row, type Row } from './table';

/** 채널 settings (Dooray, SMS) and the desk's Dooray / SMS actions. */
export const channelsActions: [string, Row][] = [
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
];
