import { createHash, randomBytes } from 'node:crypto';
import { and, eq, isNull } from 'drizzle-orm';
import { memberInvites, members } from '@/db/schema';
import type { Db, Queryable } from '@/db';

export const INVITE_HOURS = 72;

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** Issues a new one-time token for `memberId` (an invite, or a password reset), revoking any earlier one. Returns the raw token. */
export async function issueInvite(
  tx: Queryable,
  memberId: string,
  createdBy: string | null,
  hours = INVITE_HOURS,
): Promise<string> {
  await tx
    .update(memberInvites)
    .set({ revokedAt: new Date() })
    .where(and(eq(memberInvites.memberId, memberId), isNull(memberInvites.usedAt), isNull(memberInvites.revokedAt)));
  const token = randomBytes(32).toString('base64url');
  await tx
    .insert(memberInvites)
    .values({ memberId, tokenHash: hashToken(token), expiresAt: new Date(Date.now() + hours * 3600000), createdBy });
  return token;
}

export type InviteState =
  | { state: 'valid'; inviteId: string; member: { id: string; name: string; loginId: string } }
  | { state: 'expired' | 'used' | 'invalid' };

/** What a token link leads to; forged, revoked and unknown tokens are all "invalid". */
export async function inviteState(db: Db, token: string): Promise<InviteState> {
  if (typeof token !== 'string' || token.length < 10 || token.length > 200) return { state: 'invalid' };
  const [row] = await db
    .select({
      invite: memberInvites,
      member: { id: members.id, name: members.name, loginId: members.loginId, status: members.status },
    })
    .from(memberInvites)
    .innerJoin(members, eq(members.id, memberInvites.memberId))
    .where(eq(memberInvites.tokenHash, hashToken(token)))
    .limit(1);
  if (!row || row.invite.revokedAt || row.member.status === 'deactivated') return { state: 'invalid' };
  if (row.invite.usedAt) return { state: 'used' };
  if (row.invite.expiresAt <= new Date()) return { state: 'expired' };
  return {
    state: 'valid',
    inviteId: row.invite.id,
    member: { id: row.member.id, name: row.member.name, loginId: row.member.loginId },
  };
}
