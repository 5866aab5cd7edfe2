import type PgBoss from 'pg-boss';
import type { SQL } from 'drizzle-orm';
import type { Queryable } from '@/db';
import { QUEUES } from '@/lib/jobs/queues';
import { onTx, queueReady as isQueueReady, sender, toSql } from '@/lib/jobs/send-on-tx';

const queueReady = (tx: Queryable) => isQueueReady(tx, QUEUES.triggerDelivery.name);

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
    db: onTx(tx),
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
    deliveryIds.map((deliveryId) => ({
      name: q.name,
      data: { deliveryId },
      retryLimit: q.retryLimit,
      retryDelay: q.retryDelay,
      expireInSeconds: q.expireInSeconds,
    })),
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
