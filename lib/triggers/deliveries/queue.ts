import PgBoss from 'pg-boss';
import { sql, type SQL } from 'drizzle-orm';
import type { Queryable } from '@/db';
import { QUEUES } from '@/lib/jobs/queues';

// A pg-boss instance that is never started: used only to build job inserts that run on the
// caller's transaction (the `db` send option), so a rolled-back change enqueues nothing.
const holder = globalThis as unknown as { __contactDeskSender?: PgBoss; __contactDeskQueueReady?: boolean };
function sender(): PgBoss {
  holder.__contactDeskSender ??= new PgBoss({ connectionString: process.env.DATABASE_URL ?? 'postgres://unused', schema: 'pgboss' });
  return holder.__contactDeskSender;
}

/** pg-boss SQL text with `$n` parameters, as a drizzle query on the transaction. */
function toSql(text: string, values: unknown[]): SQL {
  const parts = text.split(/\$(\d+)/);
  const chunks: SQL[] = [];
  parts.forEach((p, i) => chunks.push(i % 2 ? sql`${values[Number(p) - 1] ?? null}` : sql.raw(p)));
  return sql.join(chunks, sql.raw(''));
}

async function queueReady(tx: Queryable): Promise<boolean> {
  if (holder.__contactDeskQueueReady) return true;
  // Never a failing statement here: it would abort the caller's transaction.
  const schema = await tx.execute<{ ok: boolean }>(sql`select to_regclass('pgboss.queue') is not null as ok`);
  if (!schema.rows[0]?.ok) return false;
  const q = await tx.execute<{ ok: boolean }>(sql`select exists (select 1 from pgboss.queue where name = ${QUEUES.triggerDelivery.name}) as ok`);
  holder.__contactDeskQueueReady = Boolean(q.rows[0]?.ok);
  return holder.__contactDeskQueueReady;
}

/**
 * Enqueues a delivery job on `tx`. Until a worker has created the queue (first start) nothing is
 * sent here: the delivery row stays pending and the worker's sweep picks it up.
 */
export async function enqueueDelivery(tx: Queryable, deliveryId: string, startAfter?: Date): Promise<void> {
  if (!(await queueReady(tx))) return;
  const q = QUEUES.triggerDelivery;
  await sender().send(q.name, { deliveryId }, {
    startAfter,
    retryLimit: q.retryLimit,
    retryDelay: q.retryDelay,
    expireInSeconds: q.expireInSeconds,
    db: { executeSql: async (text: string, values: unknown[]) => (await tx.execute(toSql(text, values))) as unknown as { rows: unknown[] } },
  } as PgBoss.SendOptions);
}

/**
 * Enqueues the first attempt of several deliveries on `tx` in one statement (pg-boss `insert`),
 * instead of one `send` per delivery: the intake path writes all of a pass's jobs at once.
 */
export async function enqueueDeliveries(tx: Queryable, deliveryIds: readonly string[]): Promise<void> {
  const insert = await deliveryJobsSql(tx, deliveryIds);
  if (insert) await tx.execute(insert);
}

/**
 * The pg-boss job insert of several deliveries' first attempts as one SQL statement, not run:
 * the intake path runs it as part of the change's one closing statement (a data-modifying CTE).
 * Null when there is nothing to enqueue or no worker has created the queue yet.
 */
export async function deliveryJobsSql(tx: Queryable, deliveryIds: readonly string[]): Promise<SQL | null> {
  if (!deliveryIds.length || !(await queueReady(tx))) return null;
  const q = QUEUES.triggerDelivery;
  let captured: SQL | null = null;
  await sender().insert(
    deliveryIds.map((deliveryId) => ({ name: q.name, data: { deliveryId }, retryLimit: q.retryLimit, retryDelay: q.retryDelay, expireInSeconds: q.expireInSeconds })),
    {
      db: {
        executeSql: async (text: string, values: unknown[]) => {
          captured = toSql(text, values);
          return { rows: [] };
        },
      },
    },
  );
  return captured;
}
