import { accessLogs, type AccessEvent } from '@/db/schema';
import type { Queryable } from '@/db';

export type AccessLogEntry = {
  event: AccessEvent;
  memberId?: string | null;
  actorId?: string | null;
  serviceId?: string | null;
  subject?: string | null;
  detail?: Record<string, unknown> | null;
  ip?: string | null;
  userAgent?: string | null;
};

/** Appends one access-log row (in the caller's transaction when given one). */
export async function recordAccess(db: Queryable, entry: AccessLogEntry): Promise<void> {
  await db.insert(accessLogs).values({
    event: entry.event,
    memberId: entry.memberId ?? null,
    actorId: entry.actorId ?? null,
    serviceId: entry.serviceId ?? null,
    subject: entry.subject?.slice(0, 200) ?? null,
    detail: entry.detail ?? null,
    ip: entry.ip?.slice(0, 100) ?? null,
    userAgent: entry.userAgent?.slice(0, 500) ?? null,
  });
}
