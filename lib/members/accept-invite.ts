import { eq } from 'drizzle-orm';
import { members } from '@/db/schema';
import type { PublicCtx } from '@/lib/context';
import { recordAccess } from '@/lib/access-log/record';
import { ValidationError } from '@/lib/errors';
import { openLinkForPassword, spendLink } from './invite-token';

/** Sets the invited member's password and activates them; the link works exactly once. */
export async function acceptInvite(ctx: PublicCtx, input: { token: string; password: string }) {
  const { member, passwordHash } = await openLinkForPassword(ctx.db, input, 'errors.invite');
  return ctx.db.transaction(async (tx) => {
    const memberId = await spendLink(tx, input.token);
    if (!memberId) throw new ValidationError({}, 'errors.invite.used');
    await tx
      .update(members)
      .set({ passwordHash, status: 'active', failedLogins: 0, lockedUntil: null, updatedAt: new Date() })
      .where(eq(members.id, memberId));
    await recordAccess(tx, {
      event: 'invite_accepted',
      memberId,
      subject: member.loginId,
      ip: ctx.client.ip,
      userAgent: ctx.client.userAgent,
    });
    return { loginId: member.loginId };
  });
}
