import { sql } from 'drizzle-orm';
import type { Queryable } from '@/db';

/** Recomputes the 파기 due time of every live value of a field after its rule changed. */
export async function rescheduleFieldDestruction(tx: Queryable, fieldId: string): Promise<void> {
  await tx.execute(sql`
    UPDATE ticket_field_values v
       SET destroy_at = CASE
             WHEN f.destroy_after_days IS NULL THEN NULL
             WHEN f.destroy_basis = 'created' THEN t.created_at + make_interval(days => f.destroy_after_days)
             WHEN t.closed_at IS NOT NULL THEN t.closed_at + make_interval(days => f.destroy_after_days)
             ELSE NULL END,
           updated_at = now()
      FROM fields f, tickets t
     WHERE v.field_id = ${fieldId} AND f.id = v.field_id AND t.id = v.ticket_id AND v.destroyed_at IS NULL`);
}
