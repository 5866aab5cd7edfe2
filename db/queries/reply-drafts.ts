import 'server-only';
import { and, eq } from 'drizzle-orm';
import { replyDrafts } from '@/db/schema';
import type { Queryable } from '@/db';

/** My saved, unsent reply on a ticket of the service, if any. */
export async function getDraft(db: Queryable, p: { serviceId: string; ticketId: string; memberId: string }) {
  const [d] = await db
    .select({ body: replyDrafts.body, updatedAt: replyDrafts.updatedAt })
    .from(replyDrafts)
    .where(
      and(
        eq(replyDrafts.serviceId, p.serviceId),
        eq(replyDrafts.ticketId, p.ticketId),
        eq(replyDrafts.memberId, p.memberId),
      ),
    );
  return d ?? null;
}
