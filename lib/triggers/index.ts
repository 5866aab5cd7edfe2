import { randomUUID } from 'node:crypto';
import { and, eq, inArray, sql } from 'drizzle-orm';
import { disabledEndpoints, triggerFirings, triggerRuns, type TriggerPassDetail } from '@/db/schema';
import type { Queryable } from '@/db';
import { writeHistory } from '@/lib/tickets/history';
import type { ChangeActor, TicketChange, TicketSnapshot, TriggerChange } from '@/lib/tickets/types';
import { enqueueEffects } from './deliveries/build';
import { runTriggers, type EngineOutput } from './engine';
import { activeTriggersAndService } from './load';
import { PassEnv } from './pass-env';
import type { CompiledTrigger } from './types';

export type TriggerOutcome = {
  /** The ticket as the last trigger of the pass left it. */
  draft: TicketSnapshot;
  /** Each field change a result made, in order, for history. */
  changes: TriggerChange[];
  /** The recorded pass (null when the service has no active trigger). */
  runId?: string | null;
};

/** Runs the engine, loading what it asks for (assignable agents, category paths, round-robin cursors) until it has all it needs. */
export async function runWithDb(tx: Queryable, list: readonly CompiledTrigger[], change: TicketChange, env: PassEnv): Promise<EngineOutput> {
  const now = Date.now();
  for (;;) {
    const out = runTriggers(list, { event: change.event, before: change.before, after: change.after, now }, env);
    if (env.complete) return out;
    await env.load(tx);
  }
}

/**
 * The trigger hook of `recordTicketChange` (DESIGN.md §2.3, §4): runs the service's active
 * triggers over one change in the caller's transaction, records the pass (a trigger_runs row,
 * one trigger_firings row per fired trigger and a `trigger_pass` history row) and enqueues the
 * deliveries — so a rolled-back change leaves none of it behind.
 */
export async function runTicketTriggers(tx: Queryable, input: { serviceId: string; actor: ChangeActor; change: TicketChange }): Promise<TriggerOutcome> {
  const { serviceId, change } = input;
  const { triggers: list, service } = await activeTriggersAndService(tx, serviceId);
  if (!list.length) return { draft: change.after, changes: [], runId: null };
  const out = await runWithDb(tx, list, change, new PassEnv(serviceId));

  const urls = [...new Set(out.effects.map((e) => (e.settings as { url?: string }).url).filter((u): u is string => Boolean(u)))];
  const disabled = urls.length
    ? new Set((await tx.select({ url: disabledEndpoints.url }).from(disabledEndpoints).where(and(eq(disabledEndpoints.serviceId, serviceId), inArray(disabledEndpoints.url, urls)))).map((r) => r.url))
    : new Set<string>();
  const reply = change.message && change.message.kind !== 'inquiry' && change.message.kind !== 'internal_comment' ? change.message.body : undefined;
  const enqueued = await enqueueEffects(tx, { serviceId, event: change.event, reply, effects: out.effects, disabled, service });

  const fired = out.log.filter((l) => l.fired);
  let k = 0;
  const detail: TriggerPassDetail = {
    event: change.event,
    evaluated: out.log.length,
    fired: fired.map((l) => ({
      triggerId: l.triggerId,
      title: l.title,
      results: (l.results ?? []).map((r) => {
        if (r.outcome !== 'queued') return r;
        const q = enqueued[k++];
        return q?.reason ? { type: r.type, outcome: 'skipped', reason: q.reason } : { ...r, deliveryIds: q?.deliveryIds ?? [] };
      }),
    })),
  };
  // The run and its firings in one statement (one round trip on the intake path).
  const run = { id: randomUUID() };
  const ticketId = change.after.id;
  if (fired.length) {
    await tx.execute(sql`
      WITH r AS (INSERT INTO ${triggerRuns} (id, service_id, ticket_id, detail) VALUES (${run.id}, ${serviceId}, ${ticketId}, ${JSON.stringify(detail)}::jsonb))
      INSERT INTO ${triggerFirings} (service_id, trigger_id, ticket_id) SELECT ${serviceId}, t, ${ticketId} FROM unnest(${`{${fired.map((l) => l.triggerId).join(',')}}`}::uuid[]) t`);
  } else await tx.insert(triggerRuns).values({ id: run.id, serviceId, ticketId, detail });
  await writeHistory(tx, serviceId, ticketId, { type: 'system' }, [{ action: 'trigger_pass', detail: { ...detail, runId: run.id } }]);
  return { draft: out.draft, changes: out.changes, runId: run.id };
}
