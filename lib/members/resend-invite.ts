import { eq } from 'drizzle-orm';
import { members } from '@/db/schema';
import type { MemberCtx } from '@/lib/context';
import { recordAccess } from '@/lib/access-log/record';
import { ConflictError, NotFoundError } from '@/lib/errors';
import { enqueueInviteMail } from './invite-mail';
import { issueInvite } from './invite-token';
import type { MemberIdInput } from './schemas';

/** Issues a fresh link to a member who has not accepted yet; earlier links stop working. */
export async function resendInvite(ctx: MemberCtx, { memberId }: MemberIdInput) {
  const member = await ctx.db.transaction(async (tx) => {
    const [m] = await tx.select().from(members).where(eq(members.id, memberId)).for('update');
    if (!m) throw new NotFoundError();
    if (m.status !== 'invited') throw new ConflictError('errors.inviteNotPending');
    const token = await issueInvite(tx, m.id, ctx.member.id);
    await recordAccess(tx, {
      event: 'invite_sent',
      memberId: m.id,
      actorId: ctx.member.id,
      subject: m.loginId,
      detail: { resend: true },
      ip: ctx.client.ip,
      userAgent: ctx.client.userAgent,
    });
    await enqueueInviteMail(tx, ctx.locale, m, token, ctx.member.name);
    return m;
  });
  return { id: member.id };
}
