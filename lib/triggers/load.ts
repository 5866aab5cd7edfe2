import { and, asc, eq, isNull } from 'drizzle-orm';
import { fields, services, triggers, triggerVersions } from '@/db/schema';
import type { Queryable } from '@/db';
import { builtinTargets, compileConditions, type TargetLookup } from './conditions';
import { fieldTarget, fieldValueType, FIELD_PREFIX } from './conditions/index';
import type { CompiledTrigger, Condition, ResultRow } from './types';

type Cached = { version: number; triggers: CompiledTrigger[] };
const globalCache = globalThis as unknown as { __contactDeskTriggers?: Map<string, Cached> };
const cache = (globalCache.__contactDeskTriggers ??= new Map());

/** The service's trigger version: bumped by every save, read by the cache (one primary-key lookup). */
export async function triggersVersion(db: Queryable, serviceId: string): Promise<number> {
  const [row] = await db.select({ v: triggerVersions.version }).from(triggerVersions).where(eq(triggerVersions.serviceId, serviceId));
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
    const values = type === 'enum' ? (r.type === 'agree' ? undefined : (r.options ?? []).map((o) => o.value)) : undefined;
    byCode.set(r.code, fieldTarget(r.code, type, values));
  }
  return (id) => builtinTargets(id) ?? (id.startsWith(FIELD_PREFIX) ? byCode.get(id.slice(FIELD_PREFIX.length)) : undefined);
}

/** Compiles stored trigger rows (in order) for the engine. */
export function compileTriggers(rows: { id: string; title: string; conditions: unknown[]; results: unknown[] }[], lookup: TargetLookup): CompiledTrigger[] {
  return rows.map((r) => ({ id: r.id, title: r.title, test: compileConditions(r.conditions as Condition[], lookup), results: r.results as ResultRow[] }));
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
 * `activeTriggers` plus the service settings a pass's deliveries render with, read in the same
 * round trip as the version check (the intake path makes one query here, not two).
 */
export async function activeTriggersAndService(db: Queryable, serviceId: string): Promise<{ triggers: CompiledTrigger[]; service: PassService | null }> {
  const [row] = await db
    .select({ languages: services.languages, editorType: services.editorType, v: triggerVersions.version })
    .from(services)
    .leftJoin(triggerVersions, eq(triggerVersions.serviceId, services.id))
    .where(eq(services.id, serviceId));
  const list = await compiledFor(db, serviceId, row?.v ?? 0);
  return { triggers: list, service: row ? { languages: row.languages, editorType: row.editorType } : null };
}

async function compiledFor(db: Queryable, serviceId: string, version: number): Promise<CompiledTrigger[]> {
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
