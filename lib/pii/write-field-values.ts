import { sql } from 'drizzle-orm';
import { ticketFieldValues, type Field, type Ticket } from '@/db/schema';
import type { Queryable } from '@/db';
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
  if (!entries.length) return;
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
  await tx
    .insert(ticketFieldValues)
    .values(rows)
    .onConflictDoUpdate({
      target: [ticketFieldValues.ticketId, ticketFieldValues.fieldId],
      set: {
        value: sql`excluded.value`,
        valueEncrypted: sql`excluded.value_encrypted`,
        destroyAt: sql`excluded.destroy_at`,
        destroyedAt: null,
        updatedAt: new Date(),
      },
    });
}
