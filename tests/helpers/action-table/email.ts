import { ADMINS, A, row, type Row } from './table';

/** 이메일 설정. */
export const emailActions: [string, Row][] = [
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
];
