import { randomUUID } from 'node:crypto';
import { eq, type SQL } from 'drizzle-orm';
import { services, triggerDeliveries, type DeliveryKind } from '@/db/schema';
import type { Queryable } from '@/db';
import { insertSql } from '@/db/plain-sql';
import type { ServiceConfig } from '@/lib/services/config';
import type { FieldValueEntry } from '@/lib/pii/write-field-values';
import type { TicketEvent } from '@/lib/tickets/types';
import type { PassService } from '../load';
import { RESULTS } from '../results/index';
import type { Effect } from '../types';
import { endpointHost } from '../endpoint-url';
import type { BuildContext, DeliveryRequest, HttpRequest, MailRequest } from './context';
import { deliveryJobsSql } from './queue';

export type { HttpRequest, MailRequest } from './context';

/** The deliveries one effect makes: its result module renders them. */
function requestsOf(ctx: BuildContext, e: Effect): Promise<DeliveryRequest[]> {
  const build = Object.prototype.hasOwnProperty.call(RESULTS, e.type) ? RESULTS[e.type].build : undefined;
  return build ? build(e.settings, ctx, e) : Promise.resolve([]);
}

async function context(
  tx: Queryable,
  serviceId: string,
  event: TicketEvent,
  reply?: string,
  known?: PassService | null,
  config?: ServiceConfig | null,
  fieldValues?: readonly FieldValueEntry[],
): Promise<BuildContext> {
  const [svc] = known
    ? [known]
    : await tx
        .select({ languages: services.languages, editorType: services.editorType })
        .from(services)
        .where(eq(services.id, serviceId));
  return {
    tx,
    serviceId,
    event,
    reply,
    languages: svc?.languages ?? [],
    editorHtml: svc?.editorType !== 'text',
    values: new Map(),
    config: config ?? null,
    fieldValues,
  };
}

/** What each effect would send (the test run): kind, shown target and a short summary; nothing is written. */
export async function previewEffects(
  tx: Queryable,
  input: { serviceId: string; event: TicketEvent; effects: Effect[] },
): Promise<{ kind: DeliveryKind; target: string; summary: string }[][]> {
  const ctx = await context(tx, input.serviceId, input.event);
  const out: { kind: DeliveryKind; target: string; summary: string }[][] = [];
  for (const e of input.effects) {
    const reqs = await requestsOf(ctx, e);
    out[e.index] = reqs.map((r) => {
      const m = r.request as MailRequest;
      const h = r.request as HttpRequest;
      const summary =
        'urlSealed' in h
          ? r.kind === 'dooray'
            ? String((h.body as { text?: string }).text ?? '')
            : `POST ${endpointHost(h)}`
          : m.template
            ? m.template.subject
            : m.subject;
      return { kind: r.kind, target: r.target, summary: summary.slice(0, 300) };
    });
  }
  return out;
}

/** What enqueuing an effect did, by the effect's index: the delivery ids, or why nothing was queued. */
export type Enqueued = { deliveryIds: string[]; reason?: string };

/**
 * Renders each effect into its deliveries (the outbox) and their jobs, returned as writes (one
 * INSERT of every delivery of the pass, one of their jobs) that the caller runs in its
 * transaction, as part of the change's closing statement. Effects to an endpoint that answered
 * 410 (by its `urlKey`) are skipped.
 */
export async function enqueueEffects(
  tx: Queryable,
  input: {
    serviceId: string;
    event: TicketEvent;
    reply?: string;
    effects: Effect[];
    disabled: ReadonlySet<string>;
    service?: PassService | null;
    config?: ServiceConfig | null;
    /** A creation's field values (TicketChange.fieldValues): rendered from, not read back. */
    fieldValues?: readonly FieldValueEntry[];
  },
): Promise<{ enqueued: Enqueued[]; writes: SQL[] }> {
  if (!input.effects.length) return { enqueued: [], writes: [] };
  const ctx = await context(
    tx,
    input.serviceId,
    input.event,
    input.reply,
    input.service,
    input.config,
    input.fieldValues,
  );
  const out: Enqueued[] = [];
  // All deliveries of the pass in one INSERT and their jobs in one more, not two statements per effect.
  const values: (typeof triggerDeliveries.$inferInsert)[] = [];
  for (const e of input.effects) {
    const key = (e.settings as { urlKey?: string }).urlKey;
    if (key && input.disabled.has(key)) {
      out[e.index] = { deliveryIds: [], reason: 'endpoint_disabled' };
      continue;
    }
    const reqs = await requestsOf(ctx, e);
    if (!reqs.length) {
      out[e.index] = { deliveryIds: [], reason: 'no_recipient' };
      continue;
    }
    const ids: string[] = [];
    for (const r of reqs) {
      const id = randomUUID();
      ids.push(id);
      values.push({
        id,
        serviceId: input.serviceId,
        triggerId: e.triggerId,
        triggerTitle: e.triggerTitle,
        ticketId: e.ticket.id,
        kind: r.kind,
        target: r.target,
        request: r.request,
      });
    }
    out[e.index] = { deliveryIds: ids };
  }
  if (!values.length) return { enqueued: out, writes: [] };
  const jobs = await deliveryJobsSql(
    tx,
    values.map((v) => v.id!),
  );
  return { enqueued: out, writes: [insertSql(triggerDeliveries, values), ...(jobs ? [jobs] : [])] };
}
