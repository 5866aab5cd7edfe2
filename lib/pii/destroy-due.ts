import { sql } from 'drizzle-orm';
import type { Db } from '@/lib/db';

const BATCH = 500;

/**
 * Destroys every field value whose 파기 time has come: value and ciphertext are erased, a
 * ledger row records what and under which rule, and a ticket's data key goes once nothing
 * encrypted is left on it. Rows are claimed with SKIP LOCKED, so workers racing each other
 * destroy (and record) each value exactly once. Returns how many values were destroyed.
 */
export async function destroyDueValues(db: Db, now = new Date()): Promise<number> {
  let total = 0;
  for (;;) {
    const n = await db.transaction(async (tx) => {
      const { rows } = await tx.execute<{ id: string; ticket_id: string }>(sql`
        WITH due AS (
          SELECT v.id FROM ticket_field_values v
           WHERE v.destroy_at <= ${now.toISOString()}::timestamptz AND v.destroyed_at IS NULL
           ORDER BY v.destroy_at
           LIMIT ${BATCH}
           FOR UPDATE SKIP LOCKED
        ), gone AS (
          UPDATE ticket_field_values v
             SET value = NULL, value_encrypted = NULL, destroyed_at = ${now.toISOString()}::timestamptz, updated_at = now()
            FROM due WHERE v.id = due.id
          RETURNING v.id, v.ticket_id, v.field_id, v.service_id, v.destroy_at
        ), ledger AS (
          INSERT INTO pii_destruction_ledger (service_id, ticket_id, ticket_number, field_code, rule, due_at, destroyed_at)
          SELECT g.service_id, g.ticket_id, t.number, f.code,
                 jsonb_build_object('days', f.destroy_after_days, 'basis', f.destroy_basis), g.destroy_at, ${now.toISOString()}::timestamptz
            FROM gone g JOIN fields f ON f.id = g.field_id JOIN tickets t ON t.id = g.ticket_id
        )
        SELECT id, ticket_id FROM gone`);
      if (!rows.length) return 0;
      const ticketIds = [...new Set(rows.map((r) => r.ticket_id))];
      await tx.execute(sql`
        DELETE FROM ticket_data_keys k
         WHERE k.ticket_id IN (${sql.join(ticketIds.map((id) => sql`${id}::uuid`), sql`, `)})
           AND NOT EXISTS (SELECT 1 FROM ticket_field_values v WHERE v.ticket_id = k.ticket_id AND v.value_encrypted IS NOT NULL)`);
      return rows.length;
    });
    total += n;
    if (n < BATCH) return total;
  }
}
