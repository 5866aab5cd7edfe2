import { and, eq, inArray, like, not, sql } from 'drizzle-orm';
import { disabledEndpoints, triggerDeliveries, triggers } from '@/db/schema';
import type { Db } from '@/db';
import { endpointKey, sealEndpointUrl } from './endpoint-url';

const BATCH = 500;
const URL_KINDS = ['callback', 'dooray'] as const;

function sealRows(serviceId: string, results: unknown[]): { results: unknown[]; changed: boolean } {
  let changed = false;
  const out = results.map((r) => {
    const row = r as Record<string, unknown>;
    if (!URL_KINDS.includes(row?.type as never) || typeof row.url !== 'string') return r;
    changed = true;
    const { url, ...rest } = row;
    return { ...rest, ...sealEndpointUrl(serviceId, url as string) };
  });
  return { results: out, changed };
}

/**
 * The one-time data migration of bearer URLs stored in clear by earlier versions: trigger
 * results, delivery requests and 410-disabled endpoints get the sealed form (and fingerprint).
 * It needs the master key, which SQL migrations do not have, so the launcher runs it on every
 * start right after them (scripts/env.ts); it only touches rows still holding a clear `url`, so
 * it is idempotent, resumes after a crash, and costs one lookup in an empty partial index once
 * done. Returns how many rows it sealed.
 */
export async function sealStoredEndpointUrls(db: Db): Promise<number> {
  let n = 0;
  const clearTriggers = await db
    .select({ id: triggers.id, serviceId: triggers.serviceId, results: triggers.results })
    .from(triggers)
    .where(sql`jsonb_path_exists(${triggers.results}, '$[*] ? (exists(@.url))')`);
  for (const t of clearTriggers) {
    const s = sealRows(t.serviceId, t.results);
    if (!s.changed) continue;
    await db.update(triggers).set({ results: s.results }).where(eq(triggers.id, t.id));
    n++;
  }
  for (;;) {
    const rows = await db
      .select({ id: triggerDeliveries.id, serviceId: triggerDeliveries.serviceId, request: triggerDeliveries.request })
      .from(triggerDeliveries)
      .where(and(sql`${triggerDeliveries.request} ? 'url'`, inArray(triggerDeliveries.kind, [...URL_KINDS])))
      .limit(BATCH);
    for (const d of rows) {
      const { url, ...rest } = d.request;
      const request = typeof url === 'string' && d.serviceId ? { ...rest, ...sealEndpointUrl(d.serviceId, url) } : rest;
      await db
        .update(triggerDeliveries)
        .set({ request })
        .where(and(eq(triggerDeliveries.id, d.id), sql`${triggerDeliveries.request} ? 'url'`));
      n++;
    }
    if (rows.length < BATCH) break;
  }
  const clearEndpoints = await db
    .select()
    .from(disabledEndpoints)
    .where(not(like(disabledEndpoints.url, 'h1:%')));
  for (const e of clearEndpoints) {
    await db.transaction(async (tx) => {
      await tx
        .delete(disabledEndpoints)
        .where(and(eq(disabledEndpoints.serviceId, e.serviceId), eq(disabledEndpoints.url, e.url)));
      await tx
        .insert(disabledEndpoints)
        .values({ serviceId: e.serviceId, url: endpointKey(e.url), disabledAt: e.disabledAt })
        .onConflictDoNothing();
    });
    n++;
  }
  return n;
}
