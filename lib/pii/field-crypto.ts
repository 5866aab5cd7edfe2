import { and, asc, eq, inArray, isNotNull, isNull, ne, sql } from 'drizzle-orm';
import { fieldCryptoRuns, fields, ticketDataKeys, ticketFieldValues, tickets, type Field } from '@/db/schema';
import type { Db, Queryable } from '@/db';
import { decryptValue, encryptValue } from '@/lib/crypto/envelope';
import { ConflictError } from '@/lib/errors';
import type { FieldValue } from '@/db/values';
import { searchTextOf } from '@/lib/tickets/search-text';
import { plainFieldValues } from '@/lib/tickets/snapshot';
import { getOrCreateDataKey, loadDataKey, valueBinding } from './data-key';

const BATCH = 200;
const REQUESTER = { name: 'requesterName', mail: 'requesterEmail', phone: 'requesterPhone' } as const;

/** Values of a field that the run still has to convert (never destroyed ones). */
function pendingValues(fieldId: string, encrypt: boolean) {
  return and(
    eq(ticketFieldValues.fieldId, fieldId),
    isNull(ticketFieldValues.destroyedAt),
    encrypt
      ? and(isNotNull(ticketFieldValues.value), isNull(ticketFieldValues.valueEncrypted))
      : isNotNull(ticketFieldValues.valueEncrypted),
  );
}

/** Refuses a new 암호화 switch while the field's last one is still converting values. */
export async function assertNoOpenRun(tx: Queryable, fieldId: string): Promise<void> {
  const [open] = await tx
    .select({ id: fieldCryptoRuns.id })
    .from(fieldCryptoRuns)
    .where(and(eq(fieldCryptoRuns.fieldId, fieldId), ne(fieldCryptoRuns.status, 'done')));
  if (open) throw new ConflictError('fieldRules.cryptoRunning', undefined, 'encrypted');
}

/**
 * Called in the transaction that switched 암호화 on or off: records a run over the values stored
 * so far (none: no run). The worker converts them in batches (runFieldCrypto).
 */
export async function startFieldCrypto(
  tx: Queryable,
  field: Pick<Field, 'id' | 'serviceId' | 'encrypted'>,
): Promise<void> {
  const [c] = await tx
    .select({ n: sql<number>`count(*)::int` })
    .from(ticketFieldValues)
    .where(pendingValues(field.id, field.encrypted));
  if (!c.n) return;
  await tx
    .insert(fieldCryptoRuns)
    .values({ serviceId: field.serviceId, fieldId: field.id, encrypt: field.encrypted, total: c.n });
}

/**
 * Works the open runs, one batch per transaction so progress is visible and a killed worker
 * loses at most a batch: each value is re-written encrypted with its ticket's data key (or
 * decrypted), the requester columns and search text follow (an encrypted value is never
 * searchable or shown in lists), and data keys no longer needed are dropped. Rows are claimed
 * with SKIP LOCKED, so two workers never convert the same value. Returns values converted.
 */
export async function runFieldCrypto(db: Db): Promise<number> {
  let total = 0;
  for (;;) {
    const n = await db.transaction(async (tx) => {
      const [run] = await tx
        .select()
        .from(fieldCryptoRuns)
        .where(ne(fieldCryptoRuns.status, 'done'))
        .orderBy(asc(fieldCryptoRuns.createdAt))
        .limit(1)
        .for('update', { skipLocked: true });
      if (!run) return -1;
      const [field] = await tx.select().from(fields).where(eq(fields.id, run.fieldId));
      const rows = await tx
        .select()
        .from(ticketFieldValues)
        .where(pendingValues(run.fieldId, run.encrypt))
        .limit(BATCH)
        .for('update', { skipLocked: true });
      for (const v of rows) {
        const binding = valueBinding(v.ticketId, v.fieldId);
        if (run.encrypt) {
          const key = await getOrCreateDataKey(tx, v.serviceId, v.ticketId);
          await tx
            .update(ticketFieldValues)
            .set({ value: null, valueEncrypted: encryptValue(key, v.value, binding), updatedAt: new Date() })
            .where(eq(ticketFieldValues.id, v.id));
        } else {
          const key = await loadDataKey(tx, v.ticketId);
          const value = key ? decryptValue<FieldValue>(key, v.valueEncrypted!, binding) : null;
          await tx
            .update(ticketFieldValues)
            .set({ value, valueEncrypted: null, updatedAt: new Date() })
            .where(eq(ticketFieldValues.id, v.id));
        }
      }
      const ticketIds = [...new Set(rows.map((r) => r.ticketId))];
      for (const id of ticketIds) await refreshTicketText(tx, id, field);
      if (!run.encrypt && ticketIds.length) {
        await tx
          .delete(ticketDataKeys)
          .where(
            and(
              inArray(ticketDataKeys.ticketId, ticketIds),
              sql`NOT EXISTS (SELECT 1 FROM ticket_field_values v WHERE v.ticket_id = ${ticketDataKeys.ticketId} AND v.value_encrypted IS NOT NULL)`,
            ),
          );
      }
      const done = Math.min(run.total, run.done + rows.length);
      const finished = rows.length < BATCH;
      await tx
        .update(fieldCryptoRuns)
        .set({
          done: finished ? run.total : done,
          status: finished ? 'done' : 'running',
          updatedAt: new Date(),
          ...(finished ? { finishedAt: new Date() } : {}),
        })
        .where(eq(fieldCryptoRuns.id, run.id));
      return rows.length;
    });
    if (n < 0) return total;
    total += n;
  }
}

/** The ticket's requester column for this field and its search text, from the values as they now are. */
async function refreshTicketText(tx: Queryable, ticketId: string, field: Field | undefined): Promise<void> {
  const [t] = await tx.select().from(tickets).where(eq(tickets.id, ticketId));
  if (!t) return;
  const plain = await plainFieldValues(tx, t.serviceId, ticketId);
  const set: Record<string, unknown> = {};
  const col = field ? REQUESTER[field.code as keyof typeof REQUESTER] : undefined;
  if (col) {
    const v = plain[field!.code];
    set[col] = typeof v === 'string' ? v : null;
  }
  set.searchText = searchTextOf({ ...t, ...set }, plain);
  await tx.update(tickets).set(set).where(eq(tickets.id, ticketId));
}
