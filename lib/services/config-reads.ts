import { and, eq, inArray } from 'drizzle-orm';
import { categories, fields, groups, members } from '@/db/schema';
import type { Queryable } from '@/db';
import type { ServiceConfig } from './config';

/** A category of the service as the intake path needs it (deleted ones too: history and mails still name them). */
export type CachedCategory = {
  id: string;
  kind: 'intake' | 'processing';
  path: string;
  active: boolean;
  deleted: boolean;
  name: string;
  names: Record<string, string>;
  intakePath: string | null;
};

export async function loadCategory(db: Queryable, serviceId: string, id: string): Promise<CachedCategory | null> {
  const [c] = await db
    .select({
      id: categories.id,
      kind: categories.kind,
      path: categories.path,
      active: categories.active,
      deletedAt: categories.deletedAt,
      name: categories.name,
      names: categories.names,
    })
    .from(categories)
    .where(and(eq(categories.serviceId, serviceId), eq(categories.id, id)));
  if (!c) return null;
  const deleted = c.deletedAt !== null;
  return {
    id: c.id,
    kind: c.kind,
    path: c.path,
    active: c.active,
    deleted,
    name: c.name,
    names: c.names ?? {},
    intakePath: c.kind === 'intake' && !deleted ? c.path : null,
  };
}

/** A category by id through the configuration memo (ids must be UUIDs). */
export function cachedCategory(config: ServiceConfig, db: Queryable, id: string): Promise<CachedCategory | null> {
  return config.memo(`category:${id}`, () => loadCategory(db, config.serviceId, id));
}

/** Names of members, groups or categories by id, each loaded once per configuration version. */
export async function cachedNames(
  config: ServiceConfig,
  db: Queryable,
  kind: 'member' | 'group' | 'category',
  ids: string[],
): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  const missing: string[] = [];
  for (const id of ids) {
    const name = config.peek<string | null>(`${kind}Name:${id}`);
    if (name === undefined) missing.push(id);
    else if (name !== null) out.set(id, name);
  }
  if (!missing.length) return out;
  const rows =
    kind === 'member'
      ? await db.select({ id: members.id, name: members.name }).from(members).where(inArray(members.id, missing))
      : kind === 'group'
        ? await db
            .select({ id: groups.id, name: groups.name })
            .from(groups)
            .where(and(eq(groups.serviceId, config.serviceId), inArray(groups.id, missing)))
        : await db
            .select({ id: categories.id, name: categories.name })
            .from(categories)
            .where(and(eq(categories.serviceId, config.serviceId), inArray(categories.id, missing)));
  const found = new Map(rows.map((r) => [r.id, r.name]));
  for (const id of missing) {
    const name = found.get(id) ?? null;
    config.put(`${kind}Name:${id}`, name);
    if (name !== null) out.set(id, name);
  }
  return out;
}

/** The service's choice fields (their options label values in mails). */
export function cachedOptionFields(config: ServiceConfig, db: Queryable) {
  return config.memo('optionFields', () =>
    db
      .select({ code: fields.code, type: fields.type, options: fields.options })
      .from(fields)
      .where(and(eq(fields.serviceId, config.serviceId), inArray(fields.type, ['dropdown', 'radio', 'checkbox']))),
  );
}
