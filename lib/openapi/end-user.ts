import { and, asc, desc, eq, inArray, ne, sql, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import { apiTicketEndUsers, ticketAttachments, ticketMessages, tickets, TICKET_STATUSES } from '@/db/schema';
import type { Db } from '@/db';
import { isUuid } from '@/lib/ids';
import { applyPlan } from '@/lib/tickets/change';
import { loadTicket } from '@/lib/tickets/snapshot';
import { ApiRefusal, RESULT } from './envelope';
import { cleanString } from './request';
import { ticketContent } from './views';

const bad = (message: string) => new ApiRefusal(RESULT.badRequest, message);
const noData = () => new ApiRefusal(RESULT.noData, 'No data');

export const listParams = z.object({
  categoryId: z.string().optional(),
  status: z.enum(TICKET_STATUSES).optional(),
  language: z.string().max(20).optional(),
  source: z.string().max(50).optional(),
  sort: z.enum(['createdDt,desc', 'createdDt,asc']).optional(),
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
});

function usercodeOf(raw: string): string {
  const u = decodeURIComponent(raw);
  if (!u || u.length > 200 || !cleanString(u)) throw bad('usercode is invalid');
  return u;
}

/** An end user's tickets, newest first, paged by `page`/`pageSize` (≤ 200) on the (service, usercode, number) index. */
export async function listEndUserTickets(
  db: Db,
  serviceId: string,
  rawUsercode: string,
  query: Record<string, string>,
) {
  const usercode = usercodeOf(rawUsercode);
  const p = listParams.safeParse(query);
  if (!p.success) throw bad(`Invalid parameter: ${p.error.issues.map((i) => i.path.join('.')).join(', ')}`);
  const { page, pageSize } = p.data;
  const where: SQL[] = [
    eq(apiTicketEndUsers.serviceId, serviceId),
    eq(apiTicketEndUsers.usercode, usercode),
    eq(tickets.spam, false),
  ];
  if (p.data.status) where.push(eq(tickets.status, p.data.status));
  if (p.data.language) where.push(eq(tickets.language, p.data.language));
  if (p.data.categoryId) {
    if (!isUuid(p.data.categoryId)) throw bad('Invalid parameter: categoryId');
    where.push(eq(tickets.intakeTypeId, p.data.categoryId));
  }
  const rows = await db
    .select({ t: tickets, total: sql<number>`count(*) over ()::int` })
    .from(apiTicketEndUsers)
    .innerJoin(tickets, eq(tickets.id, apiTicketEndUsers.ticketId))
    .where(and(...where))
    .orderBy(p.data.sort === 'createdDt,asc' ? asc(apiTicketEndUsers.number) : desc(apiTicketEndUsers.number))
    .limit(pageSize)
    .offset((page - 1) * pageSize);
  return { contents: rows.map((r) => ticketContent(r.t)), totalCount: rows[0]?.total ?? 0, page, pageSize };
}

async function endUserTicket(db: Db, serviceId: string, usercode: string, rawTicketId: string) {
  const number = Number(rawTicketId);
  if (!Number.isSafeInteger(number) || number < 1) throw noData();
  const [row] = await db
    .select({ id: tickets.id })
    .from(apiTicketEndUsers)
    .innerJoin(tickets, eq(tickets.id, apiTicketEndUsers.ticketId))
    .where(
      and(
        eq(apiTicketEndUsers.serviceId, serviceId),
        eq(apiTicketEndUsers.usercode, usercode),
        eq(apiTicketEndUsers.number, number),
        eq(tickets.spam, false),
      ),
    );
  if (!row) throw noData();
  return row.id;
}

/** One of the end user's tickets with its conversation as the customer sees it (no internal comments). */
export async function endUserTicketDetail(db: Db, serviceId: string, rawUsercode: string, rawTicketId: string) {
  const id = await endUserTicket(db, serviceId, usercodeOf(rawUsercode), rawTicketId);
  const { snapshot } = await loadTicket(db, serviceId, id);
  const messages = await db
    .select()
    .from(ticketMessages)
    .where(and(eq(ticketMessages.ticketId, id), ne(ticketMessages.kind, 'internal_comment')))
    .orderBy(asc(ticketMessages.createdAt));
  const files = messages.length
    ? await db
        .select({
          id: ticketAttachments.id,
          messageId: ticketAttachments.messageId,
          fileName: ticketAttachments.fileName,
          size: ticketAttachments.size,
        })
        .from(ticketAttachments)
        .where(
          and(
            eq(ticketAttachments.ticketId, id),
            inArray(
              ticketAttachments.messageId,
              messages.map((m) => m.id),
            ),
          ),
        )
    : [];
  const contents = messages.map((m) => {
    const agent = m.kind === 'agent_reply';
    return {
      content: m.body,
      type: agent ? 'csuser' : 'enduser',
      typeName: agent ? '답변' : '문의',
      createdDt: m.createdAt.toISOString(),
      displayDt: m.createdAt.toISOString(),
      attachments: files
        .filter((f) => f.messageId === m.id)
        .map((f) => ({ attachmentId: f.id, fileName: f.fileName, size: f.size })),
    };
  });
  return { content: { ...ticketContent(snapshot), contents } };
}

const commentBody = z.object({ content: z.string().trim().min(1).max(20_000) });

/**
 * The end user's comment on their ticket (고객 답변): a customer_reply message recorded through
 * `recordTicketChange`, so triggers on 고객 답변 run. A solved or pending ticket comes back to
 * 처리중 (or 미할당 without an assignee); a closed one takes no more comments.
 */
export async function addEndUserComment(
  db: Db,
  serviceId: string,
  rawUsercode: string,
  rawTicketId: string,
  raw: unknown,
) {
  const usercode = usercodeOf(rawUsercode);
  const body = commentBody.safeParse(raw);
  if (!body.success)
    throw new ApiRefusal(RESULT.badRequest, 'Validation failed', {
      contents: [
        {
          objectName: 'content',
          field: null,
          validate: body.error.issues[0]?.code === 'too_big' ? 'length' : 'required',
          key: 'validate.comment.content',
          message: 'validate.comment.content',
          rejectValue: null,
        },
      ],
    });
  const id = await endUserTicket(db, serviceId, usercode, rawTicketId);
  return db.transaction(async (tx) => {
    const current = await loadTicket(tx, serviceId, id, { forUpdate: true });
    if (current.row.status === 'closed') throw bad('The ticket is closed');
    const reopen = current.row.status === 'solved' || current.row.status === 'pending';
    const { after } = await applyPlan(
      tx,
      serviceId,
      { type: 'customer', name: current.row.requesterName ?? usercode },
      current,
      {
        event: 'customer_reply',
        set: reopen ? { status: current.row.assigneeId ? 'open' : 'new' } : {},
        message: { kind: 'customer_reply', body: body.data.content },
      },
    );
    return { content: ticketContent(after) };
  });
}
