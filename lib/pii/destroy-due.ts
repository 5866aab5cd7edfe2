import { sql } from 'drizzle-orm';
import type { Db } from '@/db';
import { decryptValue } from '@/lib/crypto/envelope';
import { loadDataKey, valueBinding } from './data-key';
import { redactTicketCopies } from './redact-copies';
import { destroyMentioningAttachments } from './destroy-attachments';
import { enqueueFileScrub, scrubFilesNow, type FileScrub } from './scrub-files';

const BATCH = 500;

type Due = {
  id: string;
  ticket_id: string;
  field_id: string;
  code: string;
  value: unknown;
  value_encrypted: string | null;
};

const asText = (v: unknown): string[] => (v == null ? [] : Array.isArray(v) ? v.map(String) : [String(v)]);

/**
 * Destroys every field value whose 파기 time has come: value and ciphertext are erased, a
 * ledger row records what and under which rule, a ticket's data key goes once nothing
 * encrypted is left on it, and every copy of the value — requester columns, search text,
 * history, stored trigger runs and delivery requests, attachments that hold it — is redacted or
 * deleted in the same transaction; the attachment bytes and the mails of the file outbox that
 * mention it are removed right after commit by a durable job enqueued in that transaction. Rows are claimed
 * with SKIP LOCKED, so racing workers destroy (and record) each value exactly once.
 */
export async function destroyDueValues(db: Db, now = new Date()): Promise<number> {
  let total = 0;
  for (;;) {
    let leftover: FileScrub | null = null;
    const n = await db.transaction(async (tx) => {
      const { rows: due } = await tx.execute<Due>(sql`
        SELECT v.id, v.ticket_id, v.field_id, f.code, v.value, v.value_encrypted
          FROM ticket_field_values v JOIN fields f ON f.id = v.field_id
         WHERE v.destroy_at <= ${now.toISOString()}::timestamptz AND v.destroyed_at IS NULL
         ORDER BY v.destroy_at
         LIMIT ${BATCH}
         FOR UPDATE OF v SKIP LOCKED`);
      if (!due.length) return 0;
      const byTicket = new Map<string, { codes: string[]; texts: string[] }>();
      for (const d of due) {
        const entry = byTicket.get(d.ticket_id) ?? { codes: [], texts: [] };
        byTicket.set(d.ticket_id, entry);
        entry.codes.push(d.code);
        if (d.value_encrypted) {
          // The plaintext is needed once more, to find where it was copied (a sent mail).
          const key = await loadDataKey(tx, d.ticket_id);
          if (key)
            entry.texts.push(...asText(decryptValue(key, d.value_encrypted, valueBinding(d.ticket_id, d.field_id))));
        } else entry.texts.push(...asText(d.value));
      }
      const ids = sql.join(
        due.map((d) => sql`${d.id}::uuid`),
        sql`, `,
      );
      await tx.execute(sql`
        WITH gone AS (
          UPDATE ticket_field_values v
             SET value = NULL, value_encrypted = NULL, destroyed_at = ${now.toISOString()}::timestamptz, updated_at = now()
           WHERE v.id IN (${ids})
          RETURNING v.id, v.ticket_id, v.field_id, v.service_id, v.destroy_at
        )
        INSERT INTO pii_destruction_ledger (service_id, ticket_id, ticket_number, field_code, rule, due_at, destroyed_at)
        SELECT g.service_id, g.ticket_id, t.number, f.code,
               jsonb_build_object('days', f.destroy_after_days, 'basis', f.destroy_basis), g.destroy_at, ${now.toISOString()}::timestamptz
          FROM gone g JOIN fields f ON f.id = g.field_id JOIN tickets t ON t.id = g.ticket_id`);
      const texts: string[] = [];
      for (const [ticketId, e] of byTicket) {
        await redactTicketCopies(tx, ticketId, e.codes, e.texts);
        texts.push(...e.texts);
      }
      const ticketIds = [...byTicket.keys()];
      const files: FileScrub = { texts, attachmentKeys: await destroyMentioningAttachments(tx, ticketIds, texts) };
      if (!(await enqueueFileScrub(tx, files))) leftover = files;
      await tx.execute(sql`
        DELETE FROM ticket_data_keys k
         WHERE k.ticket_id IN (${sql.join(
           ticketIds.map((id) => sql`${id}::uuid`),
           sql`, `,
         )})
           AND NOT EXISTS (SELECT 1 FROM ticket_field_values v WHERE v.ticket_id = k.ticket_id AND v.value_encrypted IS NOT NULL)`);
      return due.length;
    });
    if (leftover) await scrubFilesNow(leftover);
    total += n;
    if (n < BATCH) return total;
  }
}
