import { and, eq, ne, sql } from 'drizzle-orm';
import { sanitizeRichHtml } from '@/lib/html/sanitize';
import { templateLinks, templates } from '@/db/schema';
import { getVisibleTemplate } from './get-template';
import type { ServiceCtx } from '@/lib/context';
import { ForbiddenError } from '@/lib/errors';
import { canEditTemplate } from './can-edit';
import type { UpdateTemplateInput } from './schemas';
import { setTemplateLinks } from './set-links';
import { checkTemplateDraft } from './validate';

/**
 * 템플릿 수정. Only who may edit it (see can-edit.ts) changes its content or scope; its links in
 * this service are set too. Making a shared template service-only drops the links other
 * services made, since they no longer see it.
 */
export async function updateTemplate(
  ctx: Pick<ServiceCtx, 'db' | 'service' | 'member' | 'role'>,
  input: UpdateTemplateInput,
) {
  const serviceId = ctx.service.id;
  return ctx.db.transaction(async (tx) => {
    const current = await getVisibleTemplate(tx, serviceId, input.id, { lock: true });
    if (!canEditTemplate(ctx, current)) throw new ForbiddenError('templates.notEditable');
    await checkTemplateDraft(tx, serviceId, input, current.id);
    const [row] = await tx
      .update(templates)
      .set({
        scope: input.scope,
        title: input.title,
        content: ctx.service.editorType === 'text' ? input.content : sanitizeRichHtml(input.content),
        searchCode: input.searchCode || null,
        updatedAt: sql`now()`,
      })
      .where(eq(templates.id, current.id))
      .returning();
    if (current.scope === 'shared' && input.scope === 'service') {
      await tx
        .delete(templateLinks)
        .where(and(eq(templateLinks.templateId, current.id), ne(templateLinks.serviceId, current.serviceId)));
    }
    await setTemplateLinks(tx, serviceId, row.id, input.categoryIds);
    return row;
  });
}
