import { eq } from 'drizzle-orm';
import { ticketDataKeys } from '@/db/schema';
import type { Queryable } from '@/db';
import { newDataKey, unwrapDataKey, wrapDataKey, type Binding } from '@/lib/crypto/envelope';
import { masterKey } from '@/lib/crypto/master-key';

const owner = (ticketId: string): Binding => ({ table: 'ticket_data_keys', column: 'wrapped_key', rowId: ticketId });

/** Where an encrypted field value belongs: its ticket and field (bound into the ciphertext). */
export const valueBinding = (ticketId: string, fieldId: string): Binding => ({
  table: 'ticket_field_values',
  column: 'value_encrypted',
  rowId: ticketId,
  field: fieldId,
});

/** The ticket's data key, or null when it has none (nothing encrypted yet, or all destroyed). */
export async function loadDataKey(db: Queryable, ticketId: string): Promise<Buffer | null> {
  const [row] = await db.select().from(ticketDataKeys).where(eq(ticketDataKeys.ticketId, ticketId));
  return row ? unwrapDataKey(masterKey(), row.wrappedKey, owner(ticketId)) : null;
}

/** The ticket's data key, created on first use; concurrent first uses agree on one key. */
export async function getOrCreateDataKey(tx: Queryable, serviceId: string, ticketId: string): Promise<Buffer> {
  const existing = await loadDataKey(tx, ticketId);
  if (existing) return existing;
  const key = newDataKey();
  const inserted = await tx
    .insert(ticketDataKeys)
    .values({ ticketId, serviceId, wrappedKey: wrapDataKey(masterKey(), key, owner(ticketId)) })
    .onConflictDoNothing()
    .returning({ ticketId: ticketDataKeys.ticketId });
  return inserted.length ? key : (await loadDataKey(tx, ticketId))!;
}
