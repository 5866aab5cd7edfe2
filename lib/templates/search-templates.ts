import { searchTemplates } from '@/db/queries/templates';
import type { ServiceCtx } from '@/lib/context';
import { canEditTemplate } from './can-edit';
import type { TemplateSearch } from './schemas';

/** A page of the 템플릿 등록 search (also the 추가 dialog of the 템플릿 연결 tab), with what this member may edit. */
export async function searchTemplateRows(
  ctx: Pick<ServiceCtx, 'db' | 'service' | 'member' | 'role'>,
  input: TemplateSearch,
) {
  const page = await searchTemplates(ctx.db, ctx.service.id, input);
  return {
    ...page,
    rows: page.rows.map((r) => ({ ...r, createdAt: r.createdAt.toISOString(), editable: canEditTemplate(ctx, r) })),
  };
}
