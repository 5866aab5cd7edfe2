import { sql } from 'drizzle-orm';
import type { Queryable } from '@/db';

type Entry = { version: number; memo: Map<string, unknown> };
const holder = globalThis as unknown as { __contactDeskServiceConfig?: Map<string, Entry> };
const cache = (holder.__contactDeskServiceConfig ??= new Map());

/** A service's settings as of one configuration version, with what is derived from them memoized per process. */
export type ServiceConfig = {
  serviceId: string;
  /** `service_config_versions.version` (migration 0015): bumped by the database on every write that memos depend on. */
  version: number;
  /** The trigger list's own version (lib/triggers/bump-version.ts). */
  triggersVersion: number;
  languages: string[];
  editorType: string;
  /**
   * A value derived from the service's configuration (an intake type's layout, a category's
   * path, a group's assignable agents, a name), loaded once per version and process. Only for
   * reads of the tables migration 0015 watches (categories, fields, field_layouts, groups,
   * group_members, service_members, members, services, disabled_endpoints).
   */
  memo<T>(key: string, load: () => Promise<T>): Promise<T>;
  /** What the memo holds under `key`, if anything (for loads batched over several keys). */
  peek<T>(key: string): T | undefined;
  put(key: string, value: unknown): void;
};

/** The columns a statement selects for `configFromRow`, to read the version along with something else. */
export const CONFIG_COLUMNS = `s.languages, s.editor_type, coalesce(cfgv.version, 0) AS v, coalesce(trgv.version, 0) AS tv`;
/** The joins `CONFIG_COLUMNS` needs, with the service as `s`. */
export const CONFIG_JOINS = `LEFT JOIN service_config_versions cfgv ON cfgv.service_id = s.id LEFT JOIN trigger_versions trgv ON trgv.service_id = s.id`;
export type ConfigRow = { languages: string[]; editor_type: string; v: string | number; tv: string | number };

/**
 * Reads a service's configuration version with its settings (one primary-key statement, the
 * only per-ticket read of service configuration on the intake path) and returns the
 * process-wide memo for that version; null for an unknown service. A change committed on any
 * app instance bumps the version, so the next ticket anywhere loads afresh: no cross-instance
 * messaging, no stale window. A version set by a transaction that rolled back is never reused
 * (it comes from a sequence), so what such a transaction memoized is never served to another.
 */
export async function serviceConfig(db: Queryable, serviceId: string): Promise<ServiceConfig | null> {
  const { rows } = await db.execute<ConfigRow>(
    sql`SELECT ${sql.raw(CONFIG_COLUMNS)} FROM services s ${sql.raw(CONFIG_JOINS)} WHERE s.id = ${serviceId}`,
  );
  return rows[0] ? configFromRow(serviceId, rows[0]) : null;
}

/** The memo for a configuration row read by another statement (`CONFIG_COLUMNS`, `CONFIG_JOINS`). */
export function configFromRow(serviceId: string, row: ConfigRow): ServiceConfig {
  const version = Number(row.v);
  // Keyed by database too: tests and scripts point one process at several databases.
  const key = `${process.env.DATABASE_URL ?? ''}\n${serviceId}`;
  let entry = cache.get(key);
  if (!entry || entry.version !== version) {
    entry = { version, memo: new Map() };
    cache.set(key, entry);
  }
  const memo = entry.memo;
  return {
    serviceId,
    version,
    triggersVersion: Number(row.tv),
    languages: row.languages,
    editorType: row.editor_type,
    async memo<T>(k: string, load: () => Promise<T>): Promise<T> {
      if (memo.has(k)) return memo.get(k) as T;
      const value = await load();
      memo.set(k, value);
      return value;
    },
    peek: <T>(k: string) => memo.get(k) as T | undefined,
    put: (k, value) => void memo.set(k, value),
  };
}

/** Forgets every memo (tests). */
export function clearServiceConfigCache(): void {
  cache.clear();
}
