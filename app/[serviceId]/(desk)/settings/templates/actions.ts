'use server';

import { revalidatePath } from 'next/cache';
import { serviceAction } from '@/lib/actions/action';
import { createTemplate } from '@/lib/templates/create-template';
import { deleteTemplate } from '@/lib/templates/delete-template';
import { linkTemplates, unlinkTemplates } from '@/lib/templates/link-templates';
import { listLinkedTemplates } from '@/lib/templates/linked-templates';
import {
  createTemplateInput,
  linkedTemplatesInput,
  linkTemplatesInput,
  templateIdInput,
  templateSearchInput,
  updateTemplateInput,
} from '@/lib/templates/schemas';
import { searchTemplateRows } from '@/lib/templates/search-templates';
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
  const r = await deleteTemplate(ctx, input);
  refresh(ctx.service.id);
  return r;
});

/** A page of the 템플릿 등록 search (also the 추가 dialog of the 템플릿 연결 tab). */
export const searchTemplatesAction = serviceAction(templateSearchInput, admin, async (input, ctx) =>
  searchTemplateRows(ctx, input),
);

/** The 템플릿 연결 tab's list for one processing type. */
export const linkedTemplatesAction = serviceAction(linkedTemplatesInput, admin, async (input, ctx) =>
  listLinkedTemplates(ctx, input),
);

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
