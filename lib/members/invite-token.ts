import { createHash, randomBytes } from 'node:crypto';
import { and, eq, gt, isNull } from 'drizzle-orm';
import { memberInvites, members } from '@/db/schema';
import type { Db, Queryable } from '@/db';
import { hashPassword } from '@/lib/auth/password';
import { ValidationError } from '@/lib/errors';

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

/**
 * What both one-time links (invite, password reset) check before their own writes: the link is
 * valid (refused with `${keys}.expired|used|invalid` otherwise) and the new password does not
 * contain the login id. Hashes the password here, outside the transaction that follows.
 */
export async function openLinkForPassword(
  db: Db,
  input: { token: string; password: string },
  keys: 'account.reset' | 'errors.invite',
) {
  const state = await inviteState(db, input.token);
  if (state.state !== 'valid') throw new ValidationError({}, `${keys}.${state.state}`);
  if (input.password.toLowerCase().includes(state.member.loginId.toLowerCase())) {
    throw ValidationError.field('password', 'validation.passwordContainsLogin');
  }
  return { member: state.member, passwordHash: await hashPassword(input.password) };
}

/**
 * Spends the link: one conditional UPDATE is the single-use guard, so two tabs racing get one
 * success. Returns the member the link was for, or undefined when it was used, revoked or
 * expired meanwhile.
 */
export async function spendLink(tx: Queryable, token: string): Promise<string | undefined> {
  const [used] = await tx
    .update(memberInvites)
    .set({ usedAt: new Date() })
    .where(
      and(
        eq(memberInvites.tokenHash, hashToken(token)),
        isNull(memberInvites.usedAt),
        isNull(memberInvites.revokedAt),
        gt(memberInvites.expiresAt, new Date()),
      ),
    )
    .returning({ memberId: memberInvites.memberId });
  return used?.memberId;
}
