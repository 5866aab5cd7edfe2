import { createHash } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { fields, ticketAttachments, ticketFieldValues } from '@/db/schema';
import { saveAttachments } from '@/lib/attachments/save';
import { attachmentStore } from '@/lib/attachments/store';
import type { Db } from '@/db';
import { readFieldValues } from '@/lib/pii/read-field-values';
import { writeFieldValues } from '@/lib/pii/write-field-values';
import { makeService } from './factories';
import { makeTicket } from './tickets';

export const BACKUP_PHONE = '010-2345-6789';
export const BACKUP_FILE = Buffer.from('%PDF-1.7 계약서 사본');
export type BackupFixture = { serviceId: string; ticketId: string; sealedHasPlain: boolean };

/** A ticket with an encrypted phone number and an attachment in the process's attachment store. */
export async function seedBackupFixture(d: Db): Promise<BackupFixture> {
  const s = await makeService(d);
  const [phone] = await d
    .update(fields)
    .set({ encrypted: true })
    .where(and(eq(fields.serviceId, s.id), eq(fields.code, 'phone')))
    .returning();
  const t = await makeTicket(d, s.id);
  await d.transaction((tx) => writeFieldValues(tx, t, [{ field: phone, value: BACKUP_PHONE }]));
  await saveAttachments(d, s.id, t.id, null, [
    { fileName: '계약서.pdf', contentType: 'application/pdf', data: BACKUP_FILE },
  ]);
  const [stored] = await d.select().from(ticketFieldValues).where(eq(ticketFieldValues.ticketId, t.id));
  return { serviceId: s.id, ticketId: t.id, sealedHasPlain: JSON.stringify(stored).includes(BACKUP_PHONE) };
}

/** What a restored desk shows: the opened value and the attachment's bytes (as a hash). */
export async function readBackupFixture(
  d: Db,
  f: Pick<BackupFixture, 'serviceId' | 'ticketId'>,
): Promise<{ phone: unknown; fileSha: string }> {
  const shown = await readFieldValues(d, f.serviceId, f.ticketId, { reveal: true });
  const [row] = await d.select().from(ticketAttachments).where(eq(ticketAttachments.ticketId, f.ticketId));
  const data = await attachmentStore().get(row.storageKey);
  return { phone: shown.phone?.value ?? null, fileSha: createHash('sha256').update(data).digest('hex') };
}
