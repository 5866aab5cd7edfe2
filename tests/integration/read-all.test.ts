import { sql } from 'drizzle-orm';
import type { Queryable } from '@/db';
import { readAll } from '@/db/read-all';
import { setupTestDb } from '../helpers/db';

const db = setupTestDb();

/** Two reads of 50 ms each; the log says whether the second started before the first ended. */
async function twoReads(q: Queryable) {
  const log: string[] = [];
  const read = (name: string) => async () => {
    log.push(`start ${name}`);
    const r = await q.execute<{ v: string }>(sql`SELECT pg_sleep(0.05), ${name}::text AS v`);
    log.push(`end ${name}`);
    return r.rows[0].v;
  };
  const values = await readAll(q, [read('a'), read('b')]);
  return { values, log };
}

describe('readAll', () => {
  it('reads side by side on the pool', async () => {
    const { values, log } = await twoReads(db());
    expect(values).toEqual(['a', 'b']);
    expect(log.slice(0, 2)).toEqual(['start a', 'start b']);
  });

  it('reads one after another in a transaction (one connection), in order', async () => {
    const { values, log } = await db().transaction((tx) => twoReads(tx));
    expect(values).toEqual(['a', 'b']);
    expect(log).toEqual(['start a', 'end a', 'start b', 'end b']);
  });
});
