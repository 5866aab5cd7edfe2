import 'server-only';
import fs from 'node:fs/promises';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import type { Db } from '@/db';
import { migrationsFolder } from '@/db/migrate';

let expectedMigrations: number | undefined;

/** How many migrations this build ships (read once: the build does not change under a process). */
async function shippedMigrations(): Promise<number> {
  if (expectedMigrations === undefined) {
    const journal = JSON.parse(await fs.readFile(path.join(migrationsFolder, 'meta', '_journal.json'), 'utf8')) as {
      entries: unknown[];
    };
    expectedMigrations = journal.entries.length;
  }
  return expectedMigrations;
}

/**
 * Readiness for a load balancer: the database answers, every migration of this build is
 * applied, and the job queue's schema exists (some worker has started). Says only yes or no:
 * the reason stays in the server log, never in the public answer.
 */
export async function checkReadiness(db: Db): Promise<{ ready: boolean; reason?: string }> {
  try {
    const [applied, queue] = await Promise.all([
      db.execute<{ n: number }>(sql`SELECT count(*)::int AS n FROM drizzle.__drizzle_migrations`),
      db.execute<{ ok: boolean }>(sql`SELECT to_regclass('pgboss.job') IS NOT NULL AS ok`),
    ]);
    if (applied.rows[0].n < (await shippedMigrations())) return { ready: false, reason: 'migrations pending' };
    if (!queue.rows[0].ok) return { ready: false, reason: 'job queue schema missing' };
    return { ready: true };
  } catch (err) {
    return { ready: false, reason: err instanceof Error ? err.message : 'database unreachable' };
  }
}
