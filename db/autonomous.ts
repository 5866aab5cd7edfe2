import { Pool } from 'pg';

type Holder = { url: string; pool: Pool };
const globalForSide = globalThis as unknown as { __contactDeskSidePool?: Holder };

/**
 * Runs one statement in its own, immediately committed transaction on a small pool of its own,
 * outside whatever transaction the caller holds. For counters that must never be held to the
 * caller's commit (round-robin cursors): the row lock lasts one statement, so concurrent passes
 * do not queue behind each other. The pool is separate from the main one so a caller holding a
 * main-pool connection can never wait for itself (pool exhaustion). The effect survives a
 * rollback of the caller: only use it where that is acceptable.
 */
export async function autonomousQuery<R extends Record<string, unknown>>(
  text: string,
  values: unknown[],
): Promise<R[]> {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error('DATABASE_URL is not set');
  let held = globalForSide.__contactDeskSidePool;
  if (!held || held.url !== url) {
    if (held) void held.pool.end().catch(() => {});
    // synchronous_commit off: a later durable commit of the ticket flushes the WAL past this
    // statement anyway, and losing a cursor step in a crash only repeats one agent's turn.
    const pool = new Pool({
      connectionString: url,
      max: Number(process.env.DATABASE_SIDE_POOL_SIZE ?? 2),
      options: '-c synchronous_commit=off',
    });
    pool.on('error', (err) => console.error('[db] idle side client error', err.message));
    held = { url, pool };
    globalForSide.__contactDeskSidePool = held;
  }
  const r = await held.pool.query<R>(text, values);
  return r.rows;
}

/** Closes the side pool (tests and scripts). */
export async function closeSidePool(): Promise<void> {
  const held = globalForSide.__contactDeskSidePool;
  globalForSide.__contactDeskSidePool = undefined;
  if (held) await held.pool.end();
}
