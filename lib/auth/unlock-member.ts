import { eq } from 'drizzle-orm';
import { members } from '@/db/schema';
import type { MemberCtx } from '@/lib/context';
import { recordAccess } from '@/lib/access-log/record';
import { NotFoundError } from '@/lib/errors';
import { clearRateLimits } from '@/lib/rate-limit/hit';
import { memberLoginKeys } from './login-throttle';
import type { MemberIdInput } from '@/lib/members/schemas';

/** 잠금 해제: an org admin clears a member's failed-login counters, so they may log in at once. */
export async function unlockMember(ctx: MemberCtx, { memberId }: MemberIdInput) {
  return ctx.db.transaction(async (tx) => {
    const [m] = await tx
      .select({ id: members.id, loginId: members.loginId })
      .from(members)
      .where(eq(members.id, memberId));
    if (!m) throw new NotFoundError();
    await clearRateLimits(tx, memberLoginKeys(m.id));
    await recordAccess(tx, {
      event: 'unlock',
      memberId: m.id,
      actorId: ctx.member.id,
      subject: m.loginId,
      ip: ctx.client.ip,
      userAgent: ctx.client.userAgent,
    });
    return { id: m.id };
  });
}
