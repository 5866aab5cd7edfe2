'use server';

import { revalidatePath } from 'next/cache';
import { linkedTypes, searchTemplates, templatesLinkedTo } from '@/db/queries/templates';
import { serviceAction } from '@/lib/actions/action';
import { canEditTemplate } from '@/lib/templates/can-edit';
import { createTemplate } from '@/lib/templates/create-template';
import { deleteTemplate } from '@/lib/templates/delete-template';
import { linkTemplates, unlinkTemplates } from '@/lib/templates/link-templates';
import {
  createTemplateInput,
  linkedTemplatesInput,
  linkTemplatesInput,
  templateIdInput,
  templateSearchInput,
  updateTemplateInput,
} from '@/lib/templates/schemas';
import { updateTemplate } from '@/lib/templates/update-template';

const admin = { role: 'admin' } as const;
const refresh = (serviceId: string) => revalidatePath(`/${serviceId}/settings/templates`, 'layout');

export const createTemplateAction = serviceAction(createTemplateInput, admin, async (input, ctx) => {
  const t = await createTemplate(ctx, input);
  refresh(ctx.service.id);
  return { id: t.id, title: t.title };
});

export const updateTemplateAction = serviceAction(updateTemplateInput, admin, async (input, ctx) => {
  const t = await updateTemplate(ctx, input);
  refresh(ctx.service.id);
  return { id: t.id, title: t.title };
});

export const deleteTemplateAction = serviceAction(templateIdInput, admin, async (input, ctx) => {
  const r = await deleteTemplate(ctx, input.id);
  refresh(ctx.service.id);
  return r;
});

/** A page of the 템플릿 등록 search (also the 추가 dialog of the 템플릿 연결 tab). */
export const searchTemplatesAction = serviceAction(templateSearchInput, admin, async (input, ctx) => {
  const page = await searchTemplates(ctx.db, ctx.service.id, input);
  return {
    ...page,
    rows: page.rows.map((r) => ({ ...r, createdAt: r.createdAt.toISOString(), editable: canEditTemplate(ctx, r) })),
  };
});

export const linkedTemplatesAction = serviceAction(linkedTemplatesInput, admin, async (input, ctx) => {
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
});

export const linkTemplatesAction = serviceAction(linkTemplatesInput, admin, async (input, ctx) => {
  const r = await linkTemplates(ctx, input);
  refresh(ctx.service.id);
  return r;
});

export const unlinkTemplatesAction = serviceAction(linkTemplatesInput, admin, async (input, ctx) => {
  const r = await unlinkTemplates(ctx, input);
  refresh(ctx.service.id);
  return r;
});
