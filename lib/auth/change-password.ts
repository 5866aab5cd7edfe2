import { and, eq, isNull, ne } from 'drizzle-orm';
import { members, sessions } from '@/db/schema';
import type { MemberCtx } from '@/lib/context';
import { recordAccess } from '@/lib/access-log/record';
import { ValidationError } from '@/lib/errors';
import { clearRateLimits, hitRateLimit, peekRateLimits } from '@/lib/rate-limit/hit';
import { lockKey, loginRules, loginSubject } from './login-throttle';
import { hashPassword, verifyPassword } from './password';

/**
 * 비밀번호 변경 on 내 정보: the current password first (a wrong one counts like a failed
 * login, so this form is no way around the login throttle), then the new one; every other
 * session of the member ends, the one in use stays.
 */
export async function changePassword(ctx: MemberCtx, input: { current: string; password: string }) {
  const [m] = await ctx.db
    .select({ passwordHash: members.passwordHash, loginId: members.loginId })
    .from(members)
    .where(eq(members.id, ctx.member.id));
  const rules = loginRules(loginSubject(ctx.member.id, ''));
  if (!(await peekRateLimits(ctx.db, rules)).ok) throw ValidationError.field('current', 'account.tooManyAttempts');
  if (!m?.passwordHash || !(await verifyPassword(m.passwordHash, input.current))) {
    for (const rule of rules) await hitRateLimit(ctx.db, rule);
    throw ValidationError.field('current', 'account.currentWrong');
  }
  if (input.password.toLowerCase().includes(m.loginId.toLowerCase()))
    throw ValidationError.field('password', 'validation.passwordContainsLogin');
  if (input.password === input.current) throw ValidationError.field('password', 'account.samePassword');
  const passwordHash = await hashPassword(input.password);
  await ctx.db.transaction(async (tx) => {
    await tx.update(members).set({ passwordHash, updatedAt: new Date() }).where(eq(members.id, ctx.member.id));
    await tx
      .update(sessions)
      .set({ revokedAt: new Date() })
      .where(
        and(eq(sessions.memberId, ctx.member.id), isNull(sessions.revokedAt), ne(sessions.id, ctx.sessionId ?? '')),
      );
    await clearRateLimits(tx, [...rules.map((r) => r.key), lockKey(loginSubject(ctx.member.id, ''))]);
    await recordAccess(tx, {
      event: 'password_changed',
      memberId: ctx.member.id,
      subject: m.loginId,
      ip: ctx.client.ip,
      userAgent: ctx.client.userAgent,
    });
  });
  return { changed: true };
}
