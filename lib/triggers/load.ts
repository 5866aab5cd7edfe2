import { and, asc, eq, isNull } from 'drizzle-orm';
import { fields, triggers, triggerVersions } from '@/db/schema';
import type { Queryable } from '@/db';
import type { ServiceConfig } from '@/lib/services/config';
import { compileConditions } from './conditions';
import { builtinTargets, fieldTarget, fieldValueType, FIELD_PREFIX, type TargetLookup } from './targets';
import type { CompiledTrigger, Condition, ResultRow } from './types';

type Cached = { version: number | string; triggers: CompiledTrigger[] };
const globalCache = globalThis as unknown as { __contactDeskTriggers?: Map<string, Cached> };
const cache = (globalCache.__contactDeskTriggers ??= new Map());

/** The service's trigger version: bumped by every save, read by the cache (one primary-key lookup). */
export async function triggersVersion(db: Queryable, serviceId: string): Promise<number> {
  const [row] = await db
    .select({ v: triggerVersions.version })
    .from(triggerVersions)
    .where(eq(triggerVersions.serviceId, serviceId));
  return row?.v ?? 0;
}

/** Field targets of a service: its visible, non-encrypted fields of a testable type. */
export async function targetLookup(db: Queryable, serviceId: string): Promise<TargetLookup> {
  const rows = await db
    .select({ code: fields.code, type: fields.type, encrypted: fields.encrypted, options: fields.options })
    .from(fields)
    .where(and(eq(fields.serviceId, serviceId), isNull(fields.deletedAt), eq(fields.visible, true)));
  const byCode = new Map<string, ReturnType<typeof fieldTarget>>();
  for (const r of rows) {
    const type = r.encrypted ? null : fieldValueType(r.type);
    if (!type) continue;
    const values =
      type === 'enum' ? (r.type === 'agree' ? undefined : (r.options ?? []).map((o) => o.value)) : undefined;
    byCode.set(r.code, fieldTarget(r.code, type, values));
  }
  return (id) =>
    builtinTargets(id) ?? (id.startsWith(FIELD_PREFIX) ? byCode.get(id.slice(FIELD_PREFIX.length)) : undefined);
}

/** Compiles stored trigger rows (in order) for the engine. */
export function compileTriggers(
  rows: { id: string; title: string; conditions: unknown[]; results: unknown[] }[],
  lookup: TargetLookup,
): CompiledTrigger[] {
  return rows.map((r) => ({
    id: r.id,
    title: r.title,
    test: compileConditions(r.conditions as Condition[], lookup),
    results: r.results as ResultRow[],
  }));
}

/**
 * The service's active triggers in order, compiled. Cached per process and service; the cache
 * is trusted only while the service's trigger version (read in the caller's transaction) is
 * unchanged, so a save on any app instance is seen by every other one on its next change.
 */
export async function activeTriggers(db: Queryable, serviceId: string): Promise<CompiledTrigger[]> {
  return compiledFor(db, serviceId, await triggersVersion(db, serviceId));
}

export type PassService = { languages: string[]; editorType: string };

/**
 * `activeTriggers` for a service configuration already read (the intake path reads it once per
 * ticket): no query while neither the trigger list nor the service's fields changed.
 */
export async function activeTriggersOf(db: Queryable, config: ServiceConfig): Promise<CompiledTrigger[]> {
  // Field targets follow the service's fields, so the configuration version is part of the key.
  return compiledFor(db, config.serviceId, `${config.triggersVersion}:${config.version}`);
}

async function compiledFor(db: Queryable, serviceId: string, version: number | string): Promise<CompiledTrigger[]> {
  const hit = cache.get(serviceId);
  if (hit && hit.version === version) return hit.triggers;
  const rows = await db
    .select({ id: triggers.id, title: triggers.title, conditions: triggers.conditions, results: triggers.results })
    .from(triggers)
    .where(and(eq(triggers.serviceId, serviceId), eq(triggers.active, true)))
    .orderBy(asc(triggers.position), asc(triggers.createdAt));
  const compiled = rows.length ? compileTriggers(rows, await targetLookup(db, serviceId)) : [];
  cache.set(serviceId, { version, triggers: compiled });
  return compiled;
}

/** Counts cache misses in tests: clears the process cache. */
export function clearTriggerCache(): void {
  cache.clear();
}
