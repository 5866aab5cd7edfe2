import { and, eq, isNull, sql } from 'drizzle-orm';
import { fields, ticketFieldValues, tickets, type Ticket } from '@/db/schema';
import type { Queryable } from '@/db';
import { NotFoundError } from '@/lib/errors';
import type { FieldValue } from '@/db/values';
import { isUuid } from '@/lib/ids';
import type { TicketSnapshot } from './types';

/** A ticket row and its plain field values as a snapshot. */
export function toSnapshot(row: Ticket, values: Record<string, FieldValue | null>): TicketSnapshot {
  return {
    id: row.id,
    serviceId: row.serviceId,
    number: row.number,
    subject: row.subject,
    content: row.content,
    status: row.status,
    priority: row.priority,
    channel: row.channel,
    language: row.language,
    requesterName: row.requesterName,
    requesterEmail: row.requesterEmail,
    requesterPhone: row.requesterPhone,
    intakeTypeId: row.intakeTypeId,
    intakeTypePath: row.intakeTypePath,
    processingTypeId: row.processingTypeId,
    processingTypePath: row.processingTypePath,
    assigneeId: row.assigneeId,
    groupId: row.groupId,
    starred: row.starred,
    spam: row.spam,
    internalReason: row.internalReason,
    fields: values,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}

/** The plain (non-encrypted, not destroyed) field values of a ticket by code. */
export async function plainFieldValues(
  db: Queryable,
  serviceId: string,
  ticketId: string,
): Promise<Record<string, FieldValue | null>> {
  const rows = await db
    .select({ code: fields.code, value: ticketFieldValues.value })
    .from(ticketFieldValues)
    .innerJoin(fields, eq(fields.id, ticketFieldValues.fieldId))
    .where(
      and(
        eq(ticketFieldValues.serviceId, serviceId),
        eq(ticketFieldValues.ticketId, ticketId),
        isNull(ticketFieldValues.valueEncrypted),
        isNull(ticketFieldValues.destroyedAt),
      ),
    );
  return Object.fromEntries(rows.map((r) => [r.code, r.value]));
}

/**
 * Loads a ticket of `serviceId` by id, locked `FOR UPDATE` when it is about to change; another
 * service's ticket, or a malformed id, is not found.
 */
export async function loadTicket(
  db: Queryable,
  serviceId: string,
  ticketId: string,
  opts: { forUpdate?: boolean } = {},
): Promise<{ row: Ticket; snapshot: TicketSnapshot }> {
  if (!isUuid(ticketId)) throw new NotFoundError();
  const q = db
    .select()
    .from(tickets)
    .where(and(eq(tickets.serviceId, serviceId), eq(tickets.id, ticketId)));
  const [row] = opts.forUpdate ? await q.for('update') : await q;
  if (!row) throw new NotFoundError();
  return { row, snapshot: toSnapshot(row, await plainFieldValues(db, serviceId, ticketId)) };
}

/** A ticket's id from its per-service number (the URL form); another service's number is not found. */
export async function ticketIdByNumber(db: Queryable, serviceId: string, number: number): Promise<string> {
  if (!Number.isSafeInteger(number) || number < 1) throw new NotFoundError();
  const [row] = await db
    .select({ id: tickets.id })
    .from(tickets)
    .where(and(eq(tickets.serviceId, serviceId), eq(tickets.number, number)));
  if (!row) throw new NotFoundError();
  return row.id;
}

/**
 * The next ticket number of a service, from its own sequence (migration 0008): no row lock is
 * held to commit, so concurrent creations do not queue; a rolled-back creation leaves a gap.
 */
export async function nextTicketNumber(tx: Queryable, serviceId: string): Promise<number> {
  const r = await tx.execute<{ n: number }>(sql`SELECT next_ticket_number(${serviceId}) AS n`);
  return r.rows[0].n;
}

/** The SQL expression of the next ticket number, to inline in an INSERT (no extra round trip). */
export function nextTicketNumberSql(serviceId: string) {
  return sql<number>`next_ticket_number(${serviceId})`;
}
