/**
 * `npm run db:seed-categories -- <serviceId> <count> [intake|processing]`: seeds a large
 * category tree (5 levels) into an existing service whose tree of that kind is empty, for
 * measuring the category screen and export (see scripts/bench-categories.ts).
 */
import { and, eq, isNull, sql } from 'drizzle-orm';
import { categories, services } from '@/db/schema';
import { seedCategoryTree } from '@/lib/categories/seed-tree';
import { closeDb, getDb } from '@/db';
import { prepareEnvironment } from './env';

async function main() {
  const [serviceId, countArg, kindArg = 'intake'] = process.argv.slice(2);
  const count = Number(countArg);
  const kind = kindArg === 'processing' ? 'processing' : 'intake';
  if (!serviceId || !Number.isInteger(count) || count < 1 || count > 100_000)
    throw new Error('usage: seed-categories.ts <serviceId> <count 1..100000> [intake|processing]');
  const { embedded } = await prepareEnvironment(true);
  try {
    const db = getDb();
    const [svc] = await db.select().from(services).where(eq(services.id, serviceId));
    if (!svc) throw new Error(`no service ${serviceId}`);
    const [{ n }] = await db
      .select({ n: sql<number>`count(*)::int` })
      .from(categories)
      .where(and(eq(categories.serviceId, serviceId), eq(categories.kind, kind), isNull(categories.deletedAt)));
    if (n > 0) throw new Error(`the ${kind} tree of ${serviceId} already has ${n} categories`);
    const started = Date.now();
    const added = await seedCategoryTree(db, serviceId, kind, count);
    console.log(`[seed-categories] ${added} ${kind} categories in ${serviceId} (${Date.now() - started} ms)`);
  } finally {
    await closeDb();
    await embedded?.stop();
  }
}

main().catch((err) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
