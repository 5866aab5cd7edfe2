import { templates } from '@/db/schema';
import { sanitizeRichHtml } from '@/lib/html/sanitize';
import type { ServiceCtx } from '@/lib/context';
import type { CreateTemplateInput } from './schemas';
import { setTemplateLinks } from './set-links';
import { checkTemplateDraft } from './validate';

/** 템플릿 추가: the template and its links to this service's processing types, in one transaction. */
export async function createTemplate(ctx: Pick<ServiceCtx, 'db' | 'service' | 'member'>, input: CreateTemplateInput) {
  const serviceId = ctx.service.id;
  return ctx.db.transaction(async (tx) => {
    await checkTemplateDraft(tx, serviceId, input);
    const [row] = await tx
      .insert(templates)
      .values({
        serviceId,
        scope: input.scope,
        title: input.title,
        content: ctx.service.editorType === 'text' ? input.content : sanitizeRichHtml(input.content),
        searchCode: input.searchCode || null,
        createdBy: ctx.member.id,
      })
      .returning();
    await setTemplateLinks(tx, serviceId, row.id, input.categoryIds);
    return row;
  });
}
