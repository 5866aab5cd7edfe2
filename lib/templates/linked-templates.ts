import { linkedTypes, templatesLinkedTo } from '@/db/queries/templates';
import type { ServiceCtx } from '@/lib/context';
import { canEditTemplate } from './can-edit';
import type { LinkedTemplatesInput } from './schemas';

/** The 템플릿 연결 tab: the templates linked to a processing type, each with every type it is linked to. */
export async function listLinkedTemplates(
  ctx: Pick<ServiceCtx, 'db' | 'service' | 'member' | 'role'>,
  input: LinkedTemplatesInput,
) {
  const rows = await templatesLinkedTo(ctx.db, ctx.service.id, input.categoryId);
  const links = await linkedTypes(
    ctx.db,
    ctx.service.id,
    rows.map((r) => r.id),
  );
  return rows.map((r) => ({
    ...r,
    createdAt: r.createdAt.toISOString(),
    editable: canEditTemplate(ctx, r),
    links: links.filter((l) => l.templateId === r.id).map((l) => ({ id: l.id, name: l.name })),
  }));
}
