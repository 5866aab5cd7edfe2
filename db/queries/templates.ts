import 'server-only';
import { and, asc, desc, eq, ilike, inArray, isNull, or, sql, type SQL } from 'drizzle-orm';
import { categories, templateLinks, templates, type Template, type TemplateScope } from '@/db/schema';
import type { Queryable } from '@/db';
import { likePattern } from '@/db/like';
import { beforeCursor, cursorTime, formatTimeCursor, parseTimeCursor } from '@/db/pagination';

export const TEMPLATES_PAGE = 30;

/** Templates a service sees: its own, and the shared ones of every service of the organization. */
export function visibleIn(serviceId: string): SQL {
  return or(eq(templates.serviceId, serviceId), eq(templates.scope, 'shared'))!;
}

/** One template the service sees, if any. */
export async function findVisibleTemplate(
  db: Queryable,
  serviceId: string,
  id: string,
  opts: { lock?: boolean } = {},
): Promise<Template | undefined> {
  const q = db
    .select()
    .from(templates)
    .where(and(eq(templates.id, id), visibleIn(serviceId)));
  const [row] = opts.lock ? await q.for('update') : await q;
  return row;
}

export type LinkedType = { templateId: string; id: string; name: string };

/** The live processing types each template is linked to in this service (links to deleted types are gone). */
export async function linkedTypes(db: Queryable, serviceId: string, templateIds: string[]): Promise<LinkedType[]> {
  if (!templateIds.length) return [];
  return db
    .select({ templateId: templateLinks.templateId, id: categories.id, name: categories.name })
    .from(templateLinks)
    .innerJoin(categories, and(eq(categories.id, templateLinks.categoryId), isNull(categories.deletedAt)))
    .where(and(eq(templateLinks.serviceId, serviceId), inArray(templateLinks.templateId, templateIds)))
    .orderBy(asc(categories.path));
}

const listColumns = {
  id: templates.id,
  serviceId: templates.serviceId,
  scope: templates.scope,
  title: templates.title,
  content: templates.content,
  searchCode: templates.searchCode,
  useCount: templates.useCount,
  createdAt: templates.createdAt,
  at: cursorTime(templates.createdAt),
};

/** What 템플릿 등록 searches by (lib/templates/schemas.ts parses it from the form). */
export type TemplateSearch = {
  scope: 'all' | TemplateScope;
  title: string;
  searchCode: string;
  content: string;
  after?: string;
};

/** 템플릿 등록 search: newest first, keyset-paginated; each row with its links in this service. */
export async function searchTemplates(db: Queryable, serviceId: string, s: TemplateSearch) {
  const where: SQL[] = [visibleIn(serviceId)];
  if (s.scope === 'service') where.push(eq(templates.serviceId, serviceId), eq(templates.scope, 'service'));
  if (s.scope === 'shared') where.push(eq(templates.scope, 'shared'));
  if (s.title) where.push(ilike(templates.title, likePattern(s.title)));
  if (s.searchCode) where.push(ilike(templates.searchCode, likePattern(s.searchCode)));
  if (s.content) where.push(ilike(templates.content, likePattern(s.content)));
  const after = parseTimeCursor(s.after);
  if (after) where.push(beforeCursor(templates.createdAt, templates.id, after));
  const rows = await db
    .select(listColumns)
    .from(templates)
    .where(and(...where))
    .orderBy(desc(templates.createdAt), desc(templates.id))
    .limit(TEMPLATES_PAGE + 1);
  const page = rows.slice(0, TEMPLATES_PAGE);
  const links = await linkedTypes(
    db,
    serviceId,
    page.map((r) => r.id),
  );
  const last = page[page.length - 1];
  return {
    rows: page.map((r) => ({
      ...r,
      links: links.filter((l) => l.templateId === r.id).map((l) => ({ id: l.id, name: l.name })),
    })),
    next: rows.length > TEMPLATES_PAGE && last ? formatTimeCursor({ at: last.at, id: last.id }) : null,
  };
}

/** The templates linked to one processing type in this service (템플릿 연결 tab). */
export async function templatesLinkedTo(db: Queryable, serviceId: string, categoryId: string) {
  return db
    .select(listColumns)
    .from(templateLinks)
    .innerJoin(templates, eq(templates.id, templateLinks.templateId))
    .where(and(eq(templateLinks.serviceId, serviceId), eq(templateLinks.categoryId, categoryId), visibleIn(serviceId)))
    .orderBy(asc(templates.title));
}

/**
 * The picker's list for a ticket: every template the service sees, filtered by title or search
 * code, those linked to the ticket's (live) processing type first (템플릿 관리 promises them
 * "먼저"), then by use count and title.
 */
export async function templatesForTicket(db: Queryable, serviceId: string, processingTypeId: string | null, q: string) {
  const where: SQL[] = [visibleIn(serviceId)];
  if (q)
    where.push(
      or(
        ilike(templates.title, likePattern(q)),
        ilike(templates.searchCode, `${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`),
      )!,
    );
  const base = {
    id: templates.id,
    title: templates.title,
    searchCode: templates.searchCode,
    scope: templates.scope,
    useCount: templates.useCount,
    content: templates.content,
  };
  const [live] = processingTypeId
    ? await db
        .select({ id: categories.id })
        .from(categories)
        .where(
          and(eq(categories.serviceId, serviceId), eq(categories.id, processingTypeId), isNull(categories.deletedAt)),
        )
    : [];
  if (!live)
    return (
      await db
        .select(base)
        .from(templates)
        .where(and(...where))
        .orderBy(desc(templates.useCount), asc(templates.title))
        .limit(50)
    ).map((r) => ({ ...r, linked: false }));
  const linked = sql<boolean>`(${templateLinks.templateId} is not null)`;
  return db
    .select({ ...base, linked })
    .from(templates)
    .leftJoin(
      templateLinks,
      and(
        eq(templateLinks.templateId, templates.id),
        eq(templateLinks.serviceId, serviceId),
        eq(templateLinks.categoryId, live.id),
      ),
    )
    .where(and(...where))
    .orderBy(desc(linked), desc(templates.useCount), asc(templates.title))
    .limit(50);
}

/** Counts one use (a template inserted into a reply). */
export async function countTemplateUse(db: Queryable, id: string): Promise<void> {
  await db
    .update(templates)
    .set({ useCount: sql`${templates.useCount} + 1` })
    .where(eq(templates.id, id));
}
