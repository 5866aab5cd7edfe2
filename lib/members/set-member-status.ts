import { and, count, eq, ne } from 'drizzle-orm';
import { members } from '@/db/schema';
import type { MemberCtx } from '@/lib/context';
import { recordAccess } from '@/lib/access-log/record';
import { revokeMemberSessions } from '@/lib/auth/sessions';
import { ConflictError, NotFoundError } from '@/lib/errors';
import type { MemberActiveInput } from './schemas';

/**
 * Deactivates (no login, sessions revoked at once) or reactivates a member. The last
 * active org admin cannot be deactivated, and nobody deactivates themself.
 */
export async function setMemberActive(ctx: MemberCtx, { memberId, active }: MemberActiveInput) {
  return ctx.db.transaction(async (tx) => {
    const [m] = await tx.select().from(members).where(eq(members.id, memberId)).for('update');
    if (!m) throw new NotFoundError();
    if (!active) {
      if (m.id === ctx.member.id) throw new ConflictError('errors.cannotDeactivateSelf');
      if (m.status === 'deactivated') return m;
      if (m.isOrgAdmin) {
        // Lock the other admins' rows too, so two admins deactivating each other cannot both win.
        const others = await tx
          .select({ id: members.id })
          .from(members)
          .where(and(eq(members.isOrgAdmin, true), eq(members.status, 'active'), ne(members.id, m.id)))
          .for('update');
        if (others.length === 0) throw new ConflictError('errors.lastOrgAdmin');
      }
    } else if (m.status !== 'deactivated') {
      return m;
    }
    const status = active ? (m.passwordHash ? 'active' : 'invited') : 'deactivated';
    const [updated] = await tx
      .update(members)
      .set({ status, updatedAt: new Date() })
      .where(eq(members.id, m.id))
      .returning();
    if (!active) await revokeMemberSessions(tx, m.id);
    await recordAccess(tx, {
      event: active ? 'member_reactivated' : 'member_deactivated',
      memberId: m.id,
      actorId: ctx.member.id,
      subject: m.loginId,
      detail: { before: m.status, after: status },
      ip: ctx.client.ip,
      userAgent: ctx.client.userAgent,
    });
    return updated;
  });
}

/** Number of active org admins (the members screen warns before the last one). */
export async function countActiveOrgAdmins(ctx: Pick<MemberCtx, 'db'>): Promise<number> {
  const [r] = await ctx.db
    .select({ n: count() })
    .from(members)
    .where(and(eq(members.isOrgAdmin, true), eq(members.status, 'active')));
  return r.n;
}
