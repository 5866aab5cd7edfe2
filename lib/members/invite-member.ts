import { members } from '@/db/schema';
import type { MemberCtx, ServiceCtx } from '@/lib/context';
import { recordAccess } from '@/lib/access-log/record';
import { ConflictError, isUniqueViolation } from '@/lib/errors';
import { enqueueInviteMail } from './invite-mail';
import { issueInvite } from './invite-token';
import type { InviteMemberInput } from './schemas';

/**
 * Creates an invited member and queues a mail with a one-time link (72 h) in the same
 * transaction; the worker sends it with retries, and the invite can be resent from the list.
 * Invited from a service's agent screen (a ServiceCtx), the access-log row and the mail name that service.
 */
export async function inviteMember(ctx: MemberCtx | ServiceCtx, input: InviteMemberInput) {
  const serviceId = 'service' in ctx ? ctx.service.id : null;
  let created;
  try {
    created = await ctx.db.transaction(async (tx) => {
      const [m] = await tx
        .insert(members)
        .values({ name: input.name, loginId: input.loginId, email: input.email, status: 'invited' })
        .returning();
      const token = await issueInvite(tx, m.id, ctx.member.id);
      await recordAccess(tx, {
        event: 'invite_sent',
        memberId: m.id,
        actorId: ctx.member.id,
        serviceId,
        subject: m.loginId,
        ip: ctx.client.ip,
        userAgent: ctx.client.userAgent,
      });
      await enqueueInviteMail(tx, ctx.locale, m, token, ctx.member.name, serviceId);
      return { member: m, token };
    });
  } catch (err) {
    if (isUniqueViolation(err, 'members_login_id_lower_uq'))
      throw new ConflictError('validation.loginIdTaken', undefined, 'loginId');
    if (isUniqueViolation(err, 'members_email_lower_uq'))
      throw new ConflictError('validation.emailTaken', undefined, 'email');
    throw err;
  }
  return { id: created.member.id, mailSent: true };
}
