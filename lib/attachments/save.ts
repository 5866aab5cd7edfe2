import { createHash, randomUUID } from 'node:crypto';
import { ticketAttachments, type TicketAttachment } from '@/db/schema';
import type { Queryable } from '@/db';
import { attachmentStore } from './store';

/** A checked upload, ready to store. */
export type UploadedFile = { fileName: string; contentType: string; data: Buffer };

/**
 * Stores the bytes first, then the rows in the caller's transaction. If the transaction rolls
 * back the files stay on disk without a row: nothing refers to them, so they are never served.
 */
export async function saveAttachments(
  tx: Queryable,
  serviceId: string,
  ticketId: string,
  messageId: string | null,
  files: UploadedFile[],
): Promise<TicketAttachment[]> {
  if (!files.length) return [];
  const store = attachmentStore();
  const rows = [];
  for (const f of files) {
    const storageKey = `${serviceId}/${randomUUID()}`;
    await store.put(storageKey, f.data);
    rows.push({
      serviceId,
      ticketId,
      messageId,
      fileName: f.fileName,
      contentType: f.contentType,
      size: f.data.length,
      sha256: createHash('sha256').update(f.data).digest('hex'),
      storageKey,
    });
  }
  return tx.insert(ticketAttachments).values(rows).returning();
}
