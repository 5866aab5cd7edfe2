import { and, eq, gt, isNull } from 'drizzle-orm';
import { memberInvites, members } from '@/db/schema';
import type { PublicCtx } from '@/lib/context';
import { recordAccess } from '@/lib/access-log/record';
import { hashPassword } from '@/lib/auth/password';
import { ValidationError } from '@/lib/errors';
import { hashToken, inviteState } from './invite-token';

/** Sets the invited member's password and activates them; the link works exactly once. */
export async function acceptInvite(ctx: PublicCtx, input: { token: string; password: string }) {
  const state = await inviteState(ctx.db, input.token);
  if (state.state !== 'valid') throw new ValidationError({}, `errors.invite.${state.state}`);
  if (input.password.toLowerCase().includes(state.member.loginId.toLowerCase())) {
    throw ValidationError.field('password', 'validation.passwordContainsLogin');
  }
  const passwordHash = await hashPassword(input.password);
  return ctx.db.transaction(async (tx) => {
    // The conditional update is the one-time guard: two tabs racing get one success.
    const [used] = await tx
      .update(memberInvites)
      .set({ usedAt: new Date() })
      .where(
        and(
          eq(memberInvites.tokenHash, hashToken(input.token)),
          isNull(memberInvites.usedAt),
          isNull(memberInvites.revokedAt),
          gt(memberInvites.expiresAt, new Date()),
        ),
      )
      .returning({ memberId: memberInvites.memberId });
    if (!used) throw new ValidationError({}, 'errors.invite.used');
    await tx
      .update(members)
      .set({ passwordHash, status: 'active', failedLogins: 0, lockedUntil: null, updatedAt: new Date() })
      .where(eq(members.id, used.memberId));
    await recordAccess(tx, {
      event: 'invite_accepted',
      memberId: used.memberId,
      subject: state.member.loginId,
      ip: ctx.client.ip,
      userAgent: ctx.client.userAgent,
    });
    return { loginId: state.member.loginId };
  });
}
