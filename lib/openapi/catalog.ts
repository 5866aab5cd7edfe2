import { and, asc, eq, isNull, like } from 'drizzle-orm';
import { categories, services } from '@/db/schema';
import type { Db } from '@/db';
import { resolveLayout } from '@/lib/field-layouts/resolve-layout';
import { isUuid } from '@/lib/ids';
import { ApiRefusal, RESULT } from './envelope';

async function serviceLanguages(db: Db, serviceId: string): Promise<string[]> {
  const [svc] = await db.select({ languages: services.languages }).from(services).where(eq(services.id, serviceId));
  if (!svc) throw new ApiRefusal(RESULT.notFound, 'Not Found');
  return svc.languages;
}

const pick = (names: Record<string, string>, lang: string, fallback: string, base: string) =>
  names[lang] || names[fallback] || base;

/**
 * Active intake types (접수유형) in the original's category shape. `parent` lists that node's
 * children (default: level 1); `child=true` lists its whole subtree; names in `language`.
 */
export async function intakeCategories(db: Db, serviceId: string, q: Record<string, string>) {
  const langs = await serviceLanguages(db, serviceId);
  const lang = q.language && langs.includes(q.language) ? q.language : langs[0];
  const where = [
    eq(categories.serviceId, serviceId),
    eq(categories.kind, 'intake'),
    eq(categories.active, true),
    isNull(categories.deletedAt),
  ];
  let parent: { id: string; path: string; depth: number } | null = null;
  if (q.parent && q.parent !== '0') {
    if (!isUuid(q.parent)) throw new ApiRefusal(RESULT.badRequest, 'Invalid parameter: parent');
    const [p] = await db
      .select({ id: categories.id, path: categories.path, depth: categories.depth })
      .from(categories)
      .where(and(...where, eq(categories.id, q.parent)));
    if (!p) throw new ApiRefusal(RESULT.noData, 'No data');
    parent = p;
  }
  const subtree = q.child === 'true';
  if (parent) where.push(subtree ? like(categories.path, `${parent.path}%`) : eq(categories.parentId, parent.id));
  else if (!subtree) where.push(isNull(categories.parentId));
  const rows = await db
    .select()
    .from(categories)
    .where(and(...where))
    .orderBy(asc(categories.depth), asc(categories.position))
    .limit(5000);
  const contents = rows
    .filter((r) => r.id !== parent?.id)
    .map((r) => ({
      categoryId: r.id,
      parent: r.parentId ?? '0',
      name: pick(r.names, lang, langs[0], r.name),
      level: r.depth,
      path: `\\${r.path.split('/').filter(Boolean).join('\\')}\\`,
      orderNo: r.position,
      languages: r.names,
    }));
  return { contents };
}

/** The customer fields of an intake type's layout (inherited where it has none), in order, in the original's field shape. */
export async function intakeFields(db: Db, serviceId: string, rawCategoryId: string, q: Record<string, string>) {
  const langs = await serviceLanguages(db, serviceId);
  const lang = q.language && langs.includes(q.language) ? q.language : langs[0];
  const id = rawCategoryId.replace(/\.json$/, '');
  if (!isUuid(id)) throw new ApiRefusal(RESULT.noData, 'No data');
  const [cat] = await db
    .select({ id: categories.id })
    .from(categories)
    .where(
      and(
        eq(categories.serviceId, serviceId),
        eq(categories.kind, 'intake'),
        eq(categories.id, id),
        eq(categories.active, true),
        isNull(categories.deletedAt),
      ),
    );
  if (!cat) throw new ApiRefusal(RESULT.noData, 'No data');
  const layout = await resolveLayout(db, serviceId, 'customer', cat.id);
  const contents = layout.fields
    .filter((f) => f.visible)
    .map((f) => ({
      fieldId: f.id,
      code: f.code,
      type: f.type,
      title: pick(f.names, lang, langs[0], f.code),
      description: pick(f.descriptions, lang, langs[0], ''),
      placeholder: pick(f.placeholders, lang, langs[0], ''),
      length: f.maxLength,
      required: f.required || ['category', 'subject', 'content', 'personalAgree'].includes(f.code),
      encrypt: f.encrypted,
      holdingText: pick(f.placeholders, lang, langs[0], ''),
      options: f.options.map((o) => ({ value: o.value, label: o.labels[lang] || o.labels[langs[0]] || o.value })),
      value: f.defaultValue ?? null,
    }));
  return { contents };
}
