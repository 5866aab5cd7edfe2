import { DESK, TRANSFER, ADMINS, A, row, type Row } from './table';

/** The ticket desk: processing, the list, drafts, reveal, templates and banned-word checks at the desk. */
export const ticketsActions: [string, Row][] = [
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
  row(A.tickets, 'resendReplyMailAction', DESK, (fx) => ({ serviceId: fx.s, deliveryId: fx.replyDeliveryId })),
];
