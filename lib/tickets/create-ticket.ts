import { randomUUID } from 'node:crypto';
import type { SQL } from 'drizzle-orm';
import { ticketMessages, tickets, type TicketChannel, type TicketPriority } from '@/db/schema';
import type { Queryable } from '@/db';
import { insertSql, rowFromDriver } from '@/db/plain-sql';
import { NotFoundError, ValidationError } from '@/lib/errors';
import { serviceConfig, type ServiceConfig } from '@/lib/services/config';
import { cachedCategory } from '@/lib/services/config-reads';
import type { FieldValue } from '@/db/values';
import { isUuid } from '@/lib/ids';
import { saveAttachments, type UploadedFile } from '@/lib/attachments/save';
import { fieldValuesInsert, type FieldValueEntry } from '@/lib/pii/write-field-values';
import { recordTicketChange } from './record-change';
import { searchTextOf } from './search-text';
import { nextTicketNumberSql, toSnapshot } from './snapshot';
import type { ChangeActor, TicketSnapshot } from './types';

/** Field codes whose values are ticket columns rather than rows of ticket_field_values. */
export const COLUMN_CODES = new Set(['subject', 'content', 'category', 'processingType', 'priority']);
const REQUESTER = { name: 'requesterName', mail: 'requesterEmail', phone: 'requesterPhone' } as const;

export type CreateTicketInput = {
  serviceId: string;
  channel: TicketChannel;
  language: string;
  subject: string;
  content: string;
  intakeTypeId: string | null;
  processingTypeId?: string | null;
  priority?: TicketPriority;
  /** Validated field values (customer and agent); requester and custom fields come from here. */
  entries: FieldValueEntry[];
  files?: UploadedFile[];
  assigneeId?: string | null;
  groupId?: string | null;
  actor: ChangeActor;
  mailMessageId?: string | null;
  /** A number reserved from the service's sequence beforehand (the IMAP poller numbers a batch in UID order); else the next one. */
  number?: number;
  /** The mail thread our replies answer (a ticket opened by mail: the customer's Message-ID). */
  mailThreadId?: string | null;
  /** The intake type's path when the caller has just checked the intake type itself (saves a read). */
  intakeTypePath?: string | null;
  /** The service configuration when the caller has read it (lib/services/config.ts); else it is read here, once. */
  config?: ServiceConfig;
  /** The caller's own inserts for the new ticket (nothing the trigger pass reads), written in its closing statement. */
  writes?: (ticket: { id: string; number: number }) => SQL[];
};

/** Channels a customer files through: an inactive intake type is not offered there (SPEC §4). */
const CUSTOMER_CHANNELS: ReadonlySet<TicketChannel> = new Set(['helpcenter_web', 'helpcenter_mobile']);

async function categoryPath(
  tx: Queryable,
  config: ServiceConfig,
  kind: 'intake' | 'processing',
  id: string | null | undefined,
  field: string,
  activeOnly = false,
): Promise<string | null> {
  if (!id) return null;
  if (!isUuid(id)) throw ValidationError.field(field, 'validation.categoryUnknown');
  const row = await cachedCategory(config, tx, id);
  if (!row || row.kind !== kind || row.deleted || (activeOnly && !row.active))
    throw ValidationError.field(field, 'validation.categoryUnknown');
  return row.path;
}

/**
 * Creates a ticket in the caller's transaction: the number from the service's sequence, the
 * row, its field values (encrypted ones as ciphertext), the inquiry message and attachments,
 * then `recordTicketChange` (history + triggers). Every intake path (help center, 티켓 생성,
 * mail, Open API) ends here.
 */
export async function createTicket(
  tx: Queryable,
  input: CreateTicketInput,
): Promise<{ snapshot: TicketSnapshot; messageId: string }> {
  const config = input.config ?? (await serviceConfig(tx, input.serviceId));
  if (!config) throw new NotFoundError();
  const intakeTypePath =
    input.intakeTypePath !== undefined && input.intakeTypeId
      ? input.intakeTypePath
      : await categoryPath(tx, config, 'intake', input.intakeTypeId, 'category', CUSTOMER_CHANNELS.has(input.channel));
  const processingTypePath = await categoryPath(tx, config, 'processing', input.processingTypeId, 'processingType');
  const stored = input.entries.filter((e) => !COLUMN_CODES.has(e.field.code));
  const plain: Record<string, FieldValue | null> = {};
  const requester: Record<string, string | null> = { requesterName: null, requesterEmail: null, requesterPhone: null };
  for (const e of stored) {
    if (e.field.encrypted) continue;
    plain[e.field.code] = e.value;
    const col = REQUESTER[e.field.code as keyof typeof REQUESTER];
    if (col && typeof e.value === 'string') requester[col] = e.value;
  }
  // Plain-parameter SQL (db/plain-sql.ts): the builder's per-column params cost more CPU than the insert itself.
  const inserted = await tx.execute<Record<string, unknown>>(
    insertSql(
      tickets,
      [
        {
          serviceId: input.serviceId,
          number: input.number ?? nextTicketNumberSql(input.serviceId),
          subject: input.subject,
          content: input.content,
          channel: input.channel,
          language: input.language,
          priority: input.priority ?? 'normal',
          intakeTypeId: input.intakeTypeId,
          intakeTypePath,
          processingTypeId: input.processingTypeId ?? null,
          processingTypePath,
          assigneeId: input.assigneeId ?? null,
          groupId: input.groupId ?? null,
          status: input.assigneeId ? 'open' : 'new',
          ...requester,
          mailThreadId: input.mailThreadId ?? null,
          searchText: searchTextOf({ subject: input.subject, content: input.content, ...requester }, plain),
        },
      ],
      'returning *',
    ),
  );
  const row = rowFromDriver(tickets, inserted.rows[0]);
  // Nothing before the closing statement reads the values back (the pass renders from
  // `fieldValues`), so their insert joins it.
  const valuesInsert = await fieldValuesInsert(tx, row, stored);
  const message = { id: randomUUID() };
  const insertMessage = insertSql(ticketMessages, [
    {
      id: message.id,
      serviceId: input.serviceId,
      ticketId: row.id,
      kind: 'inquiry',
      body: input.content,
      mailMessageId: input.mailMessageId ?? null,
    },
  ]);
  const writes = input.writes?.(row) ?? [];
  if (valuesInsert) writes.unshift(valuesInsert);
  if (input.files?.length) {
    // Attachments name the message, so it is written first.
    await tx.execute(insertMessage);
    await saveAttachments(tx, input.serviceId, row.id, message.id, input.files);
  } else writes.unshift(insertMessage);
  const created = toSnapshot(row, plain);
  const snapshot = await recordTicketChange(
    tx,
    { serviceId: input.serviceId, actor: input.actor, config, writes },
    {
      event: 'created',
      before: null,
      after: created,
      message: { id: message.id, kind: 'inquiry', body: input.content },
      fieldValues: stored,
    },
  );
  return { snapshot, messageId: message.id };
}
