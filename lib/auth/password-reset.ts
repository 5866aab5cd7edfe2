import { and, eq, or, sql } from 'drizzle-orm';
import { members } from '@/db/schema';
import type { PublicCtx } from '@/lib/context';
import { recordAccess } from '@/lib/access-log/record';
import { ValidationError } from '@/lib/errors';
import { enqueuePasswordResetMail } from '@/lib/members/invite-mail';
import { issueInvite, openLinkForPassword, spendLink } from '@/lib/members/invite-token';
import { clearRateLimits, hitRateLimits } from '@/lib/rate-limit/hit';
import { lockKey, loginRules, loginSubject } from './login-throttle';
import { revokeMemberSessions } from './sessions';

/** A reset link works once, for one hour. */
export const RESET_HOURS = 1;

/**
 * 비밀번호 찾기: mails an active member a single-use link. The answer is the same whether or
 * not the login exists (and when the limit per address or per login is reached), so the form
 * tells nobody which logins exist; the limits keep it from flooding anyone's mailbox.
 */
export async function requestPasswordReset(ctx: PublicCtx, input: { login: string }): Promise<{ requested: true }> {
  const key = input.login.toLowerCase();
  const limit = await hitRateLimits(ctx.db, [
    { key: `reset:ip:${ctx.client.ip ?? 'unknown'}`, limit: 10, windowSeconds: 3600 },
    { key: `reset:login:${key}`, limit: 3, windowSeconds: 3600 },
  ]);
  if (!limit.ok) return { requested: true };
  const [m] = await ctx.db
    .select()
    .from(members)
    .where(
      and(
        or(eq(sql`lower(${members.loginId})`, key), eq(sql`lower(${members.email})`, key)),
        eq(members.status, 'active'),
      ),
    )
    .limit(1);
  if (!m) return { requested: true };
  await ctx.db.transaction(async (tx) => {
    const token = await issueInvite(tx, m.id, null, RESET_HOURS);
    // Queued with the token it carries (DESIGN §5): sent by the worker with retries, never inside this request.
    await enqueuePasswordResetMail(tx, m.locale, m, token, RESET_HOURS);
    await recordAccess(tx, {
      event: 'password_reset_requested',
      memberId: m.id,
      subject: m.loginId,
      ip: ctx.client.ip,
      userAgent: ctx.client.userAgent,
    });
  });
  return { requested: true };
}

/** Sets a new password from a reset link: once, before it expires; every session of the member ends. */
export async function resetPassword(ctx: PublicCtx, input: { token: string; password: string }) {
  const { member, passwordHash } = await openLinkForPassword(ctx.db, input, 'account.reset');
  return ctx.db.transaction(async (tx) => {
    const memberId = await spendLink(tx, input.token);
    if (!memberId) throw new ValidationError({}, 'account.reset.used');
    const [m] = await tx
      .update(members)
      .set({ passwordHash, updatedAt: new Date() })
      .where(and(eq(members.id, memberId), eq(members.status, 'active')))
      .returning({ id: members.id });
    if (!m) throw new ValidationError({}, 'account.reset.invalid');
    await revokeMemberSessions(tx, m.id);
    await clearRateLimits(tx, [
      ...loginRules(loginSubject(m.id, '')).map((r) => r.key),
      lockKey(loginSubject(m.id, '')),
    ]);
    await recordAccess(tx, {
      event: 'password_reset',
      memberId: m.id,
      subject: member.loginId,
      ip: ctx.client.ip,
      userAgent: ctx.client.userAgent,
    });
    return { loginId: member.loginId };
  });
}
