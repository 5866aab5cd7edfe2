import { and, eq } from 'drizzle-orm';
import { fields, ticketFieldValues } from '@/db/schema';
import type { Queryable } from '@/db';
import { decryptValue } from '@/lib/crypto/envelope';
import type { FieldValue } from '@/db/values';
import { loadDataKey, valueBinding } from './data-key';
import type { FieldValueEntry } from './write-field-values';

export type ShownValue = { value: FieldValue | null; masked: boolean; destroyed: boolean };
export const MASK = '●●●●';

/**
 * What `readFieldValues` would return right after `entries` were written (a creation, whose
 * values are all in hand): no read. Encrypted values are masked unless `reveal`.
 */
export function shownFieldValues(
  entries: readonly FieldValueEntry[],
  opts: { reveal: boolean },
): Record<string, ShownValue> {
  const out: Record<string, ShownValue> = {};
  for (const { field, value } of entries)
    out[field.code] =
      field.encrypted && value !== null && !opts.reveal
        ? { value: MASK, masked: true, destroyed: false }
        : { value, masked: false, destroyed: false };
  return out;
}

/**
 * A ticket's field values by code. Encrypted values are decrypted only when `reveal` is
 * true (the caller decides who may see them); otherwise they come back masked.
 */
export async function readFieldValues(
  db: Queryable,
  serviceId: string,
  ticketId: string,
  opts: { reveal: boolean },
): Promise<Record<string, ShownValue>> {
  const rows = await db
    .select({
      code: fields.code,
      fieldId: fields.id,
      value: ticketFieldValues.value,
      valueEncrypted: ticketFieldValues.valueEncrypted,
      destroyedAt: ticketFieldValues.destroyedAt,
    })
    .from(ticketFieldValues)
    .innerJoin(fields, eq(fields.id, ticketFieldValues.fieldId))
    .where(and(eq(ticketFieldValues.ticketId, ticketId), eq(ticketFieldValues.serviceId, serviceId)));
  const key = opts.reveal && rows.some((r) => r.valueEncrypted) ? await loadDataKey(db, ticketId) : null;
  const out: Record<string, ShownValue> = {};
  for (const r of rows) {
    if (r.destroyedAt) out[r.code] = { value: null, masked: false, destroyed: true };
    else if (!r.valueEncrypted) out[r.code] = { value: r.value, masked: false, destroyed: false };
    else if (key)
      out[r.code] = {
        value: decryptValue<FieldValue>(key, r.valueEncrypted, valueBinding(ticketId, r.fieldId)),
        masked: false,
        destroyed: false,
      };
    else out[r.code] = { value: MASK, masked: true, destroyed: false };
  }
  return out;
}
