import { and, eq, inArray } from 'drizzle-orm';
import { categories, groups, members, tickets } from '@/db/schema';
import type { ServiceCtx } from '@/lib/context';
import { NotFoundError } from '@/lib/errors';
import { loadTicket } from '@/lib/tickets/snapshot';
import type { TicketEvent } from '@/lib/tickets/types';
import { previewEffects } from './deliveries/build';
import { runWithDb } from './index';
import { activeTriggers } from './load';
import { PassEnv } from './pass-env';

class Rollback extends Error {}

export type TestRunResult = {
  ticketNumber: number;
  evaluated: number;
  /** Names of the agents, groups and categories the changes name. */
  names: Record<string, string>;
  fired: {
    triggerId: string;
    title: string;
    results: {
      type: string;
      outcome: string;
      reason?: string;
      changes: { field: string; before: unknown; after: unknown }[];
      sends: { kind: string; target: string; summary: string }[];
    }[];
  }[];
};

/**
 * 테스트 실행: which active triggers would fire for a change of this ticket and what each result
 * would do. Runs in a transaction that is always rolled back, with round-robin cursors only
 * read, so nothing is changed, recorded or sent.
 */
export async function testRunTriggers(
  ctx: ServiceCtx,
  input: { ticketNumber: number; event: TicketEvent },
): Promise<TestRunResult> {
  const serviceId = ctx.service.id;
  let result: TestRunResult | undefined;
  await ctx.db
    .transaction(async (tx) => {
      const [row] = await tx
        .select({ id: tickets.id })
        .from(tickets)
        .where(and(eq(tickets.serviceId, serviceId), eq(tickets.number, input.ticketNumber)));
      if (!row) throw new NotFoundError('errors.triggers.ticketNotFound');
      const { snapshot } = await loadTicket(tx, serviceId, row.id);
      const list = await activeTriggers(tx, serviceId);
      const before = input.event === 'created' ? null : snapshot;
      const out = await runWithDb(
        tx,
        list,
        { event: input.event, before, after: snapshot },
        new PassEnv(serviceId, () => 0, false),
      );
      const sends = await previewEffects(tx, { serviceId, event: input.event, effects: out.effects });
      const ids = [
        ...new Set(
          out.changes
            .flatMap((c) => [c.before, c.after])
            .filter((v): v is string => typeof v === 'string' && v.length === 36),
        ),
      ];
      const names: Record<string, string> = {};
      if (ids.length) {
        // One after another: a transaction's client runs one query at a time.
        const rows = [
          ...(await tx.select({ id: members.id, name: members.name }).from(members).where(inArray(members.id, ids))),
          ...(await tx
            .select({ id: groups.id, name: groups.name })
            .from(groups)
            .where(and(eq(groups.serviceId, serviceId), inArray(groups.id, ids)))),
          ...(await tx
            .select({ id: categories.id, name: categories.name })
            .from(categories)
            .where(and(eq(categories.serviceId, serviceId), inArray(categories.id, ids)))),
        ];
        for (const r of rows) names[r.id] = r.name;
      }
      result = {
        ticketNumber: snapshot.number,
        names,
        evaluated: out.log.length,
        fired: out.log
          .filter((l) => l.fired)
          .map((l) => ({
            triggerId: l.triggerId,
            title: l.title,
            results: (l.results ?? []).map(({ effect, ...r }) => ({
              ...r,
              changes: r.changes ?? [],
              sends: effect !== undefined ? (sends[effect] ?? []) : [],
            })),
          })),
      };
      throw new Rollback();
    })
    .catch((err) => {
      if (!(err instanceof Rollback)) throw err;
    });
  return result!;
}
