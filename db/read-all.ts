import type { Queryable } from './index';

/**
 * A transaction (it can roll back) rather than the pool. Not `instanceof PgTransaction`: the
 * production build may bundle drizzle's class twice, and the check then fails in a transaction.
 */
const inTransaction = (db: Queryable) => typeof (db as { rollback?: unknown }).rollback === 'function';

/**
 * Runs independent reads side by side on the pool, one after another in a transaction. A
 * transaction is one connection: pg would only queue overlapping queries there, and it deprecates
 * doing so (pg@9 refuses it).
 */
export async function readAll<T extends unknown[]>(
  db: Queryable,
  reads: [...{ [K in keyof T]: () => PromiseLike<T[K]> }],
): Promise<T> {
  if (!inTransaction(db)) return (await Promise.all(reads.map((read) => read()))) as T;
  const out: unknown[] = [];
  for (const read of reads) out.push(await read());
  return out as T;
}
