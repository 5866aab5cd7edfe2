import { sql } from 'drizzle-orm';
import type { Queryable } from '@/db';

/**
 * Gives the values of fields with a "after close" 파기 rule their due time, counted from the
 * ticket's closed_at. Called in the transaction that closes the ticket (the tickets issue).
 */
export async function scheduleDestructionOnClose(tx: Queryable, ticketId: string): Promise<void> {
  await tx.execute(sql`
    UPDATE ticket_field_values v
       SET destroy_at = t.closed_at + make_interval(days => f.destroy_after_days), updated_at = now()
      FROM fields f, tickets t
     WHERE v.ticket_id = ${ticketId} AND t.id = v.ticket_id AND f.id = v.field_id
       AND f.destroy_basis = 'closed' AND f.destroy_after_days IS NOT NULL
       AND t.closed_at IS NOT NULL AND v.destroyed_at IS NULL
       AND (v.value IS NOT NULL OR v.value_encrypted IS NOT NULL)`);
}
