import { sql, type SQL } from 'drizzle-orm';
import { ticketFieldValues, type Field, type Ticket } from '@/db/schema';
import type { Queryable } from '@/db';
import { insertSql } from '@/db/plain-sql';
import { encryptValue } from '@/lib/crypto/envelope';
import type { FieldValue } from '@/db/values';
import { getOrCreateDataKey, valueBinding } from './data-key';
import { destroyTime } from './destroy-time';

export type FieldValueEntry = { field: Field; value: FieldValue | null };

/**
 * Saves a ticket's field values in the caller's transaction: values of encrypted fields are
 * stored only as ciphertext, and each value gets the due time of its field's 파기 rule.
 */
export async function writeFieldValues(
  tx: Queryable,
  ticket: Pick<Ticket, 'id' | 'serviceId' | 'createdAt' | 'closedAt'>,
  entries: FieldValueEntry[],
): Promise<void> {
  const insert = await fieldValuesInsert(tx, ticket, entries);
  if (insert) await tx.execute(insert);
}

/**
 * `writeFieldValues`' one INSERT, not run (a creation runs it in its closing statement); null
 * when there is nothing to write. Reading or making the ticket's data key, when a value is
 * encrypted, does run here.
 */
export async function fieldValuesInsert(
  tx: Queryable,
  ticket: Pick<Ticket, 'id' | 'serviceId' | 'createdAt' | 'closedAt'>,
  entries: readonly FieldValueEntry[],
): Promise<SQL | null> {
  if (!entries.length) return null;
  const needsKey = entries.some((e) => e.field.encrypted && e.value !== null);
  const key = needsKey ? await getOrCreateDataKey(tx, ticket.serviceId, ticket.id) : null;
  const rows = entries.map(({ field, value }) => {
    const secret = field.encrypted && value !== null;
    return {
      serviceId: ticket.serviceId,
      ticketId: ticket.id,
      fieldId: field.id,
      value: secret ? null : value,
      valueEncrypted: secret ? encryptValue(key!, value, valueBinding(ticket.id, field.id)) : null,
      destroyAt: value === null ? null : destroyTime(field, ticket),
    };
  });
  // Plain-parameter SQL (db/plain-sql.ts): every intake writes here.
  return insertSql(
    ticketFieldValues,
    rows,
    sql`on conflict ("ticket_id", "field_id") do update set "value" = excluded.value, "value_encrypted" = excluded.value_encrypted, "destroy_at" = excluded.destroy_at, "destroyed_at" = null, "updated_at" = ${new Date().toISOString()}`,
  );
}
