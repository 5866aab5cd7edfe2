import 'server-only';
import type { Db } from '@/db';
import { doorayConversation, listDoorayProjects } from '@/db/queries/dooray';
import { fieldDisplayDefs } from '@/db/queries/fields';
import { listGroupNames } from '@/db/queries/groups';
import { getDraft } from '@/db/queries/reply-drafts';
import { ticketSmsMessages } from '@/db/queries/sms';
import { ticketConversation, ticketHistoryRows, transferTargets } from '@/db/queries/ticket-detail';
import { ticketLabels } from '@/db/queries/ticket-labels';
import { listDeliveries } from '@/db/queries/triggers';
import type { ServiceAccess } from '@/lib/auth/access';
import { getCategoryTree } from '@/lib/categories/tree';
import { doorayOrg, readDoorayState } from '@/lib/dooray/config';
import { resolveLayout } from '@/lib/field-layouts/resolve-layout';
import { readFieldValues } from '@/lib/pii/read-field-values';
import { smsConfig } from '@/lib/sms/config';
import { knownCodes } from '@/lib/substitution/values';
import { agentGroups, assignableAgent } from './assignable';
import { loadTicket } from './snapshot';

/**
 * Everything the ticket screen shows, read in one place and in parallel: the ticket, its
 * conversation and history, field values (masked), layouts, pickers, the Dooray and SMS state and
 * their records, and the draft of the viewer (`me`, a member id). The caller has authorized `access` for the service;
 * every read is scoped by its id.
 */
export async function loadTicketView(
  db: Db,
  access: Pick<ServiceAccess, 'service' | 'agent'>,
  me: string,
  ticketId: string,
  lang: string,
) {
  const { service } = access;
  const { row } = await loadTicket(db, service.id, ticketId);
  const scope = { serviceId: service.id, ticketId: row.id };
  const [
    messages,
    history,
    fieldDefs,
    values,
    customerLayout,
    agentLayout,
    intake,
    processing,
    targets,
    mine,
    groups,
    myGroups,
    draft,
    dooray,
    doorayOrgRow,
    doorayProjects,
    sms,
    codes,
    labels,
    smsMessages,
    deliveries,
  ] = await Promise.all([
    ticketConversation(db, service.id, row.id),
    ticketHistoryRows(db, service.id, row.id),
    fieldDisplayDefs(db, service.id),
    readFieldValues(db, service.id, row.id, { reveal: false }),
    resolveLayout(db, service.id, 'customer', row.intakeTypeId),
    resolveLayout(db, service.id, 'agent', null),
    getCategoryTree(db, service.id, 'intake', lang),
    getCategoryTree(db, service.id, 'processing', lang),
    transferTargets(db, service.id),
    assignableAgent(db, service.id, me),
    listGroupNames(db, service.id),
    access.agent ? agentGroups(db, service.id, access.agent.id) : Promise.resolve([] as string[]),
    getDraft(db, { ...scope, memberId: me }),
    readDoorayState(db, service.id),
    doorayOrg(db, service.id),
    listDoorayProjects(db, { serviceId: service.id }),
    service.smsEnabled ? smsConfig(db, service.id) : null,
    knownCodes(db, service.id),
    ticketLabels(db, service.id, lang, {
      categories: [row.intakeTypeId, row.processingTypeId],
      members: [row.assigneeId],
      groups: [row.groupId],
    }),
    ticketSmsMessages(db, scope),
    listDeliveries(db, scope),
  ]);
  // The Dooray tab exists only where Dooray was ever set up.
  const doorayTab = dooray ? await doorayConversation(db, scope) : null;
  return {
    row,
    messages,
    history,
    fieldDefs,
    values,
    customerLayout,
    agentLayout,
    intake,
    processing,
    targets,
    mine,
    groups,
    myGroups,
    draft,
    dooray,
    doorayOrg: doorayOrgRow,
    doorayProjects,
    sms,
    codes,
    labels,
    smsMessages,
    deliveries,
    doorayTab,
  };
}
export type TicketView = Awaited<ReturnType<typeof loadTicketView>>;
