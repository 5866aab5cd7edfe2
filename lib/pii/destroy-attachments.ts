import { inArray } from 'drizzle-orm';
import { ticketAttachments } from '@/db/schema';
import { attachmentStore } from '@/lib/attachments/store';
import type { Queryable } from '@/db';

/**
 * In the destroying transaction: deletes the attachment rows of `ticketIds` whose file name or
 * bytes hold a destroyed value (a file the customer named after themself, a form they filled in)
 * and returns their storage keys, for the file scrub to remove after commit. Values shorter than
 * 3 characters are not searched for (they would match nearly every file). Compressed formats
 * (zip, deflated PDF streams) are not opened: only bytes as stored are compared.
 */
export async function destroyMentioningAttachments(
  tx: Queryable,
  ticketIds: string[],
  texts: string[],
): Promise<string[]> {
  const needles = [...new Set(texts.filter((t) => t && t.trim().length >= 3))];
  if (!ticketIds.length || !needles.length) return [];
  const rows = await tx
    .select({ id: ticketAttachments.id, fileName: ticketAttachments.fileName, key: ticketAttachments.storageKey })
    .from(ticketAttachments)
    .where(inArray(ticketAttachments.ticketId, ticketIds));
  const store = attachmentStore();
  const gone: { id: string; key: string }[] = [];
  for (const r of rows) {
    let hit = needles.some((n) => r.fileName.includes(n));
    if (!hit) {
      // A missing file holds nothing; any other read error fails the run (retried by the cron).
      const bytes = await store.get(r.key).catch((err: NodeJS.ErrnoException) => {
        if (err.code === 'ENOENT' || err.name === 'NoSuchKey') return null;
        throw err;
      });
      hit = Boolean(bytes && needles.some((n) => bytes.includes(n)));
    }
    if (hit) gone.push({ id: r.id, key: r.key });
  }
  if (gone.length)
    await tx.delete(ticketAttachments).where(
      inArray(
        ticketAttachments.id,
        gone.map((g) => g.id),
      ),
    );
  return gone.map((g) => g.key);
}
