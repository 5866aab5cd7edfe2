import { drizzle, type NodePgDatabase } from 'drizzle-orm/node-postgres';
import type { ExtractTablesWithRelations } from 'drizzle-orm';
import type { PgTransaction } from 'drizzle-orm/pg-core';
import type { NodePgQueryResultHKT } from 'drizzle-orm/node-postgres';
import { Pool } from 'pg';
import * as schema from '@/db/schema';
import { closeSidePool } from './autonomous';

export type Schema = typeof schema;
export type Db = NodePgDatabase<Schema>;
export type Tx = PgTransaction<NodePgQueryResultHKT, Schema, ExtractTablesWithRelations<Schema>>;
/** Anything that runs queries: the pool-backed db or an open transaction. */
export type Queryable = Db | Tx;

type Holder = { url: string; pool: Pool; db: Db };
const globalForDb = globalThis as unknown as { __contactDeskDb?: Holder };

/**
 * The process-wide database. The URL is read at first use, so the launcher (scripts/run.ts)
 * and the tests can point DATABASE_URL at an embedded or per-test database first.
 */
export function getDb(): Db {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error('DATABASE_URL is not set: start the app with `npm run dev` or `npm start`.');
  const held = globalForDb.__contactDeskDb;
  if (held && held.url === url) return held.db;
  const pool = new Pool({ connectionString: url, max: Number(process.env.DATABASE_POOL_SIZE ?? 10) });
  pool.on('error', (err) => console.error('[db] idle client error', err.message));
  const db = drizzle(pool, { schema });
  globalForDb.__contactDeskDb = { url, pool, db };
  return db;
}

/** Closes the pool (tests and scripts). */
export async function closeDb(): Promise<void> {
  const held = globalForDb.__contactDeskDb;
  globalForDb.__contactDeskDb = undefined;
  await closeSidePool();
  if (held) await held.pool.end();
}
