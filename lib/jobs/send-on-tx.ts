import PgBoss from 'pg-boss';
import { sql, SQL, StringChunk } from 'drizzle-orm';
import type { Queryable } from '@/db';

// A pg-boss instance that is never started: used only to build job inserts that run on the
// caller's transaction (the `db` send option), so a rolled-back change enqueues nothing.
const holder = globalThis as unknown as { __contactDeskSender?: PgBoss; __contactDeskQueuesReady?: Set<string> };
export function sender(): PgBoss {
  holder.__contactDeskSender ??= new PgBoss({
    connectionString: process.env.DATABASE_URL ?? 'postgres://unused',
    schema: 'pgboss',
  });
  return holder.__contactDeskSender;
}

/** pg-boss SQL text with `$n` parameters, as a drizzle query on the transaction. */
export function toSql(text: string, values: unknown[]): SQL {
  const parts = text.split(/\$(\d+)/);
  // Flat chunks (text, bare parameter, text, …): one level for Drizzle to walk, not a nested SQL per part.
  const chunks: unknown[] = parts.map((p, i) => (i % 2 ? (values[Number(p) - 1] ?? null) : new StringChunk(p)));
  return new SQL(chunks as SQL['queryChunks']);
}

/** The `db` option of pg-boss send/insert: its statements run on `tx`. */
export const onTx = (tx: Queryable) => ({
  executeSql: async (text: string, values: unknown[]) =>
    (await tx.execute(toSql(text, values))) as unknown as { rows: unknown[] },
});

/**
 * True once a worker has created `queue` (first start). Never a failing statement here: it
 * would abort the caller's transaction.
 */
export async function queueReady(tx: Queryable, queue: string): Promise<boolean> {
  const ready = (holder.__contactDeskQueuesReady ??= new Set());
  if (ready.has(queue)) return true;
  const schema = await tx.execute<{ ok: boolean }>(sql`select to_regclass('pgboss.queue') is not null as ok`);
  if (!schema.rows[0]?.ok) return false;
  const q = await tx.execute<{ ok: boolean }>(
    sql`select exists (select 1 from pgboss.queue where name = ${queue}) as ok`,
  );
  if (q.rows[0]?.ok) ready.add(queue);
  return ready.has(queue);
}
