import { tickets } from '@/db/schema';
import type { ServiceCtx } from '@/lib/context';
import { recordAccess } from '@/lib/access-log/record';
import { ForbiddenError, NotFoundError, ValidationError } from '@/lib/errors';
import { and, eq } from 'drizzle-orm';
import { readFieldValues } from './read-field-values';
import type { RevealFieldInput } from './schemas';

/** Who may reveal a ticket's encrypted values: admins of the service, and the ticket's assignee. */
export function mayReveal(ctx: Pick<ServiceCtx, 'role' | 'member'>, ticket: { assigneeId: string | null }): boolean {
  return ctx.role === 'admin' || ticket.assigneeId === ctx.member.id;
}

/**
 * 보기: one encrypted value of a ticket, decrypted for a member allowed to see it, with a
 * `pii_unmasked` access-log row (which ticket and field; never the value) in the same transaction.
 */
export async function revealField(ctx: ServiceCtx, input: RevealFieldInput): Promise<{ code: string; value: string }> {
  return ctx.db.transaction(async (tx) => {
    const [t] = await tx
      .select({ id: tickets.id, number: tickets.number, assigneeId: tickets.assigneeId })
      .from(tickets)
      .where(and(eq(tickets.serviceId, ctx.service.id), eq(tickets.id, input.ticketId)));
    if (!t) throw new NotFoundError();
    if (!mayReveal(ctx, t)) throw new ForbiddenError();
    const masked = await readFieldValues(tx, ctx.service.id, t.id, { reveal: false });
    if (!masked[input.code]?.masked) throw ValidationError.field('code', 'validation.invalid');
    const v = (await readFieldValues(tx, ctx.service.id, t.id, { reveal: true }))[input.code]?.value;
    await recordAccess(tx, {
      event: 'pii_unmasked',
      memberId: ctx.member.id,
      serviceId: ctx.service.id,
      subject: ctx.member.loginId,
      detail: { ticketId: t.id, ticketNumber: t.number, field: input.code },
      ip: ctx.client.ip,
      userAgent: ctx.client.userAgent,
    });
    return { code: input.code, value: Array.isArray(v) ? v.join(', ') : v == null ? '' : String(v) };
  });
}
