import { and, eq, inArray, isNull } from 'drizzle-orm';
import { categories, templateLinks, templates } from '@/db/schema';
import { visibleIn } from '@/db/queries/templates';
import type { ServiceCtx } from '@/lib/context';
import { NotFoundError, ValidationError } from '@/lib/errors';
import type { LinkTemplatesInput } from './schemas';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

async function liveType(ctx: Pick<ServiceCtx, 'db' | 'service'>, categoryId: string) {
  const [type] = await ctx.db
    .select({ id: categories.id })
    .from(categories)
    .where(
      and(
        eq(categories.serviceId, ctx.service.id),
        eq(categories.id, categoryId),
        eq(categories.kind, 'processing'),
        isNull(categories.deletedAt),
      ),
    );
  if (!type) throw new NotFoundError('templates.typeNotFound');
}

/** 템플릿 연결 → 추가: links templates the service sees to one of its processing types. */
export async function linkTemplates(
  ctx: Pick<ServiceCtx, 'db' | 'service'>,
  input: LinkTemplatesInput,
): Promise<{ linked: number }> {
  const ids = [...new Set(input.templateIds)];
  await liveType(ctx, input.categoryId);
  const found = ids.every((id) => UUID.test(id))
    ? await ctx.db
        .select({ id: templates.id })
        .from(templates)
        .where(and(inArray(templates.id, ids), visibleIn(ctx.service.id)))
    : [];
  if (found.length !== ids.length) throw ValidationError.field('templateIds', 'templates.unknownTemplates');
  await ctx.db
    .insert(templateLinks)
    .values(ids.map((templateId) => ({ templateId, categoryId: input.categoryId, serviceId: ctx.service.id })))
    .onConflictDoNothing();
  return { linked: ids.length };
}

/** 템플릿 연결 → 삭제: unlinks the checked templates from the processing type. */
export async function unlinkTemplates(
  ctx: Pick<ServiceCtx, 'db' | 'service'>,
  input: LinkTemplatesInput,
): Promise<{ unlinked: number }> {
  const ids = [...new Set(input.templateIds)].filter((id) => UUID.test(id));
  if (!UUID.test(input.categoryId)) throw new NotFoundError('templates.typeNotFound');
  const rows = await ctx.db
    .delete(templateLinks)
    .where(
      and(
        eq(templateLinks.serviceId, ctx.service.id),
        eq(templateLinks.categoryId, input.categoryId),
        inArray(templateLinks.templateId, ids.length ? ids : ['00000000-0000-0000-0000-000000000000']),
      ),
    )
    .returning({ id: templateLinks.templateId });
  return { unlinked: rows.length };
}
