import { and, eq, inArray } from 'drizzle-orm';
import { groupMembers, members, serviceMembers, type DeliveryKind } from '@/db/schema';
import type { Queryable } from '@/db';
import type { ServiceConfig } from '@/lib/services/config';
import type { FieldValueEntry } from '@/lib/pii/write-field-values';
import { substitutionValues } from '@/lib/substitution/values';
import type { TicketEvent, TicketSnapshot } from '@/lib/tickets/types';
import type { SealedUrl } from '../endpoint-url';

/** The request a delivery sends; for mails to the customer, rendered only at send time (their encrypted fields). */
export type MailRequest = {
  to: string;
  subject: string;
  text: string;
  html?: string;
  audience: 'agent' | 'customer';
  lang?: string;
  template?: { subject: string; body: string; html: boolean };
  /** 외부 전달 후 티켓 완료: close the ticket once this mail is accepted. */
  completeTicket?: boolean;
};
/** A callback or Dooray POST: the endpoint URL stays sealed (lib/triggers/endpoint-url.ts) until the worker sends. */
export type HttpRequest = SealedUrl & { body: Record<string, unknown> };

/** One delivery an effect makes: its kind, the target shown in the list, and the request. */
export type DeliveryRequest = { kind: DeliveryKind; target: string; request: MailRequest | HttpRequest };

/** What an effect's `build()` renders with: one pass's service settings, and a memo of substitution values per ticket state. */
export type BuildContext = {
  tx: Queryable;
  serviceId: string;
  event: TicketEvent;
  reply?: string;
  languages: string[];
  editorHtml: boolean;
  values: Map<TicketSnapshot, Record<string, string>>;
  /** The service configuration the pass read, whose memo names categories, agents and groups. */
  config: ServiceConfig | null;
  /** A creation's field values, all of them, as written in this change (rendered from, not read back). */
  fieldValues?: readonly FieldValueEntry[];
};

const MAX_RECIPIENTS = 100;

/** The substitution values an agent-facing text renders with, loaded once per ticket state in a pass. */
export async function agentValues(ctx: BuildContext, t: TicketSnapshot): Promise<Record<string, string>> {
  let v = ctx.values.get(t);
  if (!v) {
    v = await substitutionValues(ctx.tx, t, {
      audience: 'agent',
      reply: ctx.reply,
      config: ctx.config,
      fieldValues: ctx.fieldValues,
    });
    ctx.values.set(t, v);
  }
  return v;
}

/** Active members who are still agents of the service, by their member ids, as mail recipients. */
export async function agentRecipients(
  ctx: BuildContext,
  memberIds: string[],
): Promise<{ email: string; audience: 'agent' }[]> {
  if (!memberIds.length) return [];
  const rows = await ctx.tx
    .select({ email: members.email })
    .from(members)
    .innerJoin(
      serviceMembers,
      and(eq(serviceMembers.memberId, members.id), eq(serviceMembers.serviceId, ctx.serviceId)),
    )
    .where(and(inArray(members.id, memberIds), eq(members.status, 'active')));
  return [...new Set(rows.map((r) => r.email))]
    .slice(0, MAX_RECIPIENTS)
    .map((email) => ({ email, audience: 'agent' as const }));
}

/** Member ids of a group's agents. */
export async function groupMemberIds(ctx: BuildContext, groupId: string): Promise<string[]> {
  const rows = await ctx.tx
    .select({ id: serviceMembers.memberId })
    .from(groupMembers)
    .innerJoin(serviceMembers, eq(serviceMembers.id, groupMembers.agentId))
    .where(and(eq(groupMembers.serviceId, ctx.serviceId), eq(groupMembers.groupId, groupId)));
  return rows.map((r) => r.id);
}
