import { and, eq, gt, isNull, lt, sql } from 'drizzle-orm';
import { members, sessions, type Member } from '@/db/schema';
import { recordAccess } from '@/lib/access-log/record';
import type { Db } from '@/db';

export type SessionMember = Pick<Member, 'id' | 'name' | 'loginId' | 'email' | 'isOrgAdmin' | 'locale'>;
export type AuthSession = { id: string; member: SessionMember };

/**
 * Loads a live session: not revoked, not expired, member active. Called on every server-side
 * auth check, so logout and deactivation apply at once. A login lockout (lib/auth/login.ts)
 * refuses new logins only: it must not let a stranger end the member's live sessions.
 */
export async function loadSession(db: Db, sessionId: string): Promise<AuthSession | null> {
  const now = new Date();
  const [row] = await db
    .select({
      id: sessions.id,
      lastSeenAt: sessions.lastSeenAt,
      member: {
        id: members.id,
        name: members.name,
        loginId: members.loginId,
        email: members.email,
        isOrgAdmin: members.isOrgAdmin,
        locale: members.locale,
        status: members.status,
      },
    })
    .from(sessions)
    .innerJoin(members, eq(members.id, sessions.memberId))
    .where(and(eq(sessions.id, sessionId), isNull(sessions.revokedAt), gt(sessions.expiresAt, now)))
    .limit(1);
  if (!row || row.member.status !== 'active') return null;
  // Touch at most every five minutes: a write per request would cost more than it tells.
  if (now.getTime() - row.lastSeenAt.getTime() > 5 * 60000) {
    await db
      .update(sessions)
      .set({ lastSeenAt: now })
      .where(and(eq(sessions.id, sessionId), lt(sessions.lastSeenAt, sql`now() - interval '5 minutes'`)));
  }
  const { id, name, loginId, email, isOrgAdmin, locale } = row.member;
  return { id: row.id, member: { id, name, loginId, email, isOrgAdmin, locale } };
}

/** Revokes one session and logs the logout. */
export async function revokeSession(db: Db, sessionId: string): Promise<void> {
  const [s] = await db
    .update(sessions)
    .set({ revokedAt: new Date() })
    .where(and(eq(sessions.id, sessionId), isNull(sessions.revokedAt)))
    .returning({ memberId: sessions.memberId, ip: sessions.ip, userAgent: sessions.userAgent });
  if (s) await recordAccess(db, { event: 'logout', memberId: s.memberId, ip: s.ip, userAgent: s.userAgent });
}

/** Revokes every session of a member (deactivation, password change). */
export async function revokeMemberSessions(
  db: Db | Parameters<typeof recordAccess>[0],
  memberId: string,
): Promise<void> {
  await db
    .update(sessions)
    .set({ revokedAt: new Date() })
    .where(and(eq(sessions.memberId, memberId), isNull(sessions.revokedAt)));
}
