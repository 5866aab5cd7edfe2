import 'server-only';
import { eq } from 'drizzle-orm';
import { services, type Service } from '@/db/schema';
import { listCategoryTreeRows } from '@/db/queries/categories';
import { buildTree, type CategoryNode } from '@/lib/categories/tree-build';
import type { Queryable } from '@/db';
import { helpcenterLocale, type HelpcenterLocale } from '@/lib/i18n/helpcenter';

export type Helpcenter = { service: Service; lang: string; defaultLang: string; locale: HelpcenterLocale };

/** The page chrome speaks the page's language where it has translations (ko, en, ja, zh-CN, zh-TW), else English. */
export { helpcenterLocale };

/** A service's help center in one of its languages, or null (unknown service or language). */
export async function loadHelpcenter(db: Queryable, serviceId: string, lang: string): Promise<Helpcenter | null> {
  if (typeof serviceId !== 'string' || !/^[a-z][a-z0-9]{2,29}$/.test(serviceId)) return null;
  const [service] = await db.select().from(services).where(eq(services.id, serviceId)).limit(1);
  if (!service || !service.languages.includes(lang)) return null;
  return { service, lang, defaultLang: service.languages[0], locale: helpcenterLocale(lang) };
}

/**
 * The intake types a customer may pick (SPEC §3/§4): active ones whose ancestors are all
 * active too, as a tree, labelled in `lang` with the default-language name as fallback.
 */
export async function offeredIntakeTypes(db: Queryable, serviceId: string, lang: string): Promise<CategoryNode[]> {
  const prune = (nodes: CategoryNode[]): CategoryNode[] =>
    nodes.filter((n) => n.active).map((n) => ({ ...n, children: prune(n.children) }));
  return prune(buildTree(await listCategoryTreeRows(db, serviceId, 'intake'), lang));
}

/** Every node of a tree, depth first. */
export function flattenTree(nodes: CategoryNode[]): CategoryNode[] {
  return nodes.flatMap((n) => [n, ...flattenTree(n.children)]);
}
