import { eq } from 'drizzle-orm';
import { templates } from '@/db/schema';
import { getVisibleTemplate } from './get-template';
import type { ServiceCtx } from '@/lib/context';
import { ForbiddenError } from '@/lib/errors';
import { canEditTemplate } from './can-edit';
import type { TemplateIdInput } from './schemas';

/** 템플릿 삭제 (its links in every service go with it). */
export async function deleteTemplate(
  ctx: Pick<ServiceCtx, 'db' | 'service' | 'member' | 'role'>,
  { id }: TemplateIdInput,
) {
  return ctx.db.transaction(async (tx) => {
    const current = await getVisibleTemplate(tx, ctx.service.id, id, { lock: true });
    if (!canEditTemplate(ctx, current)) throw new ForbiddenError('templates.notEditable');
    await tx.delete(templates).where(eq(templates.id, current.id));
    return { title: current.title };
  });
}
