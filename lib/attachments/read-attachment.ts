import 'server-only';
import type { Readable } from 'node:stream';
import { and, eq } from 'drizzle-orm';
import { ticketAttachments, type TicketAttachment } from '@/db/schema';
import { authorizeService } from '@/lib/auth/access';
import type { SessionMember } from '@/lib/auth/sessions';
import type { Db } from '@/db';
import { AppError } from '@/lib/errors';
import { checkAttachmentToken } from '@/lib/helpcenter/tokens';
import { isUuid } from '@/lib/ids';
import { AttachmentMissingError, attachmentStore } from './store';

/**
 * One attachment of a service's ticket with its bytes, for a member of that service or for
 * whoever holds the requester's download token of exactly this attachment. Anything else
 * (other service, bad or expired token, unknown id) is null, never a hint of existence; so is
 * a row whose bytes the store no longer holds (a 404, not a 500). The bytes come as a stream.
 */
export async function readAttachment(
  db: Db,
  who: { member: SessionMember | null; token: string | null },
  serviceId: string,
  attachmentId: string,
): Promise<{ row: TicketAttachment; body: Readable } | null> {
  if (!isUuid(attachmentId)) return null;
  let allowed = Boolean(who.token) && checkAttachmentToken(serviceId, attachmentId, who.token);
  if (!allowed && who.member) {
    allowed = await authorizeService(db, who.member, serviceId).then(
      () => true,
      (err) => {
        if (err instanceof AppError) return false;
        throw err;
      },
    );
  }
  if (!allowed) return null;
  const [row] = await db
    .select()
    .from(ticketAttachments)
    .where(and(eq(ticketAttachments.serviceId, serviceId), eq(ticketAttachments.id, attachmentId)))
    .limit(1);
  if (!row) return null;
  try {
    return { row, body: await attachmentStore().stream(row.storageKey) };
  } catch (err) {
    if (err instanceof AttachmentMissingError) return null;
    throw err;
  }
}
