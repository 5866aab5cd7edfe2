import { randomUUID } from 'node:crypto';
import { eq, sql, type SQL } from 'drizzle-orm';
import { disabledEndpoints, triggerRuns, type TriggerPassDetail } from '@/db/schema';
import type { Queryable } from '@/db';
import { insertSql } from '@/db/plain-sql';
import type { HistoryEntry } from '@/lib/tickets/history';
import type { ChangeActor, TicketChange, TicketSnapshot, TriggerChange } from '@/lib/tickets/types';
import { enqueueEffects } from './deliveries/build';
import { runTriggers, type EngineOutput } from './engine';
import { serviceConfig, type ServiceConfig } from '@/lib/services/config';
import { activeTriggersOf } from './load';
import { PassEnv } from './pass-env';
import type { CompiledTrigger } from './types';

export type TriggerOutcome = {
  /** The ticket as the last trigger of the pass left it. */
  draft: TicketSnapshot;
  /** Each field change a result made, in order. */
  changes: TriggerChange[];
  /** What history records of the pass (the `trigger_pass` row, then each change by its trigger); `recordTicketChange` writes it. */
  history: HistoryEntry[];
  /**
   * The pass's writes, not yet run: its deliveries and their jobs, the run and its firings. The
   * caller runs them in its transaction, in one statement with the rest of the change.
   */
  writes: SQL[];
  /** The recorded pass (null when the service has no active trigger). */
  runId?: string | null;
};

/** Runs the engine, loading what it asks for (assignable agents, category paths, round-robin cursors) until it has all it needs. */
export async function runWithDb(
  tx: Queryable,
  list: readonly CompiledTrigger[],
  change: TicketChange,
  env: PassEnv,
): Promise<EngineOutput> {
  const now = Date.now();
  for (;;) {
    const out = runTriggers(list, { event: change.event, before: change.before, after: change.after, now }, env);
    if (env.complete) return out;
    await env.load(tx);
  }
}

/**
 * The trigger hook of `recordTicketChange` (DESIGN.md §2.3, §4): runs the service's active
 * triggers over one change in the caller's transaction and returns what records the pass (a
 * trigger_runs row, one trigger_firings row per fired trigger, the deliveries and their jobs as
 * `writes`; a `trigger_pass` history entry) for the caller to write in the same transaction — so
 * a rolled-back change leaves none of it behind.
 */
export async function runTicketTriggers(
  tx: Queryable,
  input: { serviceId: string; actor: ChangeActor; change: TicketChange; config?: ServiceConfig | null },
): Promise<TriggerOutcome> {
  const { serviceId, change } = input;
  const config = input.config ?? (await serviceConfig(tx, serviceId));
  const list = config ? await activeTriggersOf(tx, config) : [];
  if (!config || !list.length) return { draft: change.after, changes: [], history: [], writes: [], runId: null };
  const out = await runWithDb(tx, list, change, new PassEnv(serviceId, undefined, true, config));

  // 410-disabled endpoints by their keyed fingerprint (lib/triggers/endpoint-url.ts), cached with the service's config version.
  const disabled = out.effects.some((e) => typeof (e.settings as { urlKey?: unknown }).urlKey === 'string')
    ? await config.memo(
        'disabledEndpoints',
        async () =>
          new Set(
            (
              await tx
                .select({ key: disabledEndpoints.url })
                .from(disabledEndpoints)
                .where(eq(disabledEndpoints.serviceId, serviceId))
            ).map((r) => r.key),
          ),
      )
    : new Set<string>();
  const reply =
    change.message && change.message.kind !== 'inquiry' && change.message.kind !== 'internal_comment'
      ? change.message.body
      : undefined;
  const { enqueued, writes } = await enqueueEffects(tx, {
    serviceId,
    event: change.event,
    reply,
    effects: out.effects,
    disabled,
    service: config,
    config,
    fieldValues: change.fieldValues,
  });

  const fired = out.log.filter((l) => l.fired);
  const detail: TriggerPassDetail = {
    event: change.event,
    evaluated: out.log.length,
    fired: fired.map((l) => ({
      triggerId: l.triggerId,
      title: l.title,
      results: (l.results ?? []).map(({ effect, ...r }) => {
        if (effect === undefined) return r;
        const q = enqueued[effect];
        return q?.reason
          ? { type: r.type, outcome: 'skipped', reason: q.reason }
          : { ...r, deliveryIds: q?.deliveryIds ?? [] };
      }),
    })),
  };
  // The run and its firings are written with the rest of the change (the caller's closing statement).
  const run = { id: randomUUID() };
  const ticketId = change.after.id;
  writes.push(insertSql(triggerRuns, [{ id: run.id, serviceId, ticketId, detail }]));
  if (fired.length) {
    writes.push(
      sql`INSERT INTO trigger_firings (service_id, trigger_id, ticket_id) SELECT ${serviceId}, t, ${ticketId} FROM unnest(${`{${fired.map((l) => l.triggerId).join(',')}}`}::uuid[]) t`,
    );
  }
  const history: HistoryEntry[] = [
    { action: 'trigger_pass', detail: { ...detail, runId: run.id }, actor: { type: 'system' } },
    ...out.changes.map((c) => ({
      action: 'change',
      field: c.field,
      before: c.before,
      after: c.after,
      triggerId: c.triggerId,
      triggerTitle: c.triggerTitle,
      detail: c.note ? { note: c.note } : undefined,
    })),
  ];
  return { draft: out.draft, changes: out.changes, history, writes, runId: run.id };
}
