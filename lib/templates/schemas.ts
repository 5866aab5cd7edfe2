import { z } from 'zod';
import { TEMPLATE_SCOPES } from '@/db/values';

export const TEMPLATE_TITLE_MAX = 100;
export const TEMPLATE_CONTENT_MAX = 20_000;
export const SEARCH_CODE_MAX = 20;
export const TEMPLATE_LINKS_MAX = 500;

const id = z.uuid({ error: 'errors.notFound' });

const title = z
  .string()
  .trim()
  .min(1, { error: 'validation.required' })
  .max(TEMPLATE_TITLE_MAX)
  .regex(/^[^\p{Cc}]*$/u, { error: 'validation.controlChars' });

/** 검색 코드: optional, up to 20 ASCII letters and digits (typed after `/` in the reply box). */
export const searchCodeSchema = z
  .string()
  .trim()
  .max(SEARCH_CODE_MAX, { error: 'templates.searchCodeRule' })
  .regex(/^[A-Za-z0-9]*$/, { error: 'templates.searchCodeRule' });

const categoryIds = z
  .array(z.string())
  .max(TEMPLATE_LINKS_MAX)
  .default([])
  .transform((ids) => [...new Set(ids)]);

export const templateFields = {
  scope: z.enum(TEMPLATE_SCOPES, { error: 'validation.choice' }),
  title,
  content: z.string().max(TEMPLATE_CONTENT_MAX),
  searchCode: searchCodeSchema.default(''),
  categoryIds,
};

export const createTemplateInput = z.object(templateFields);
export type CreateTemplateInput = z.output<typeof createTemplateInput>;

export const updateTemplateInput = z.object({ ...templateFields, id });
export type UpdateTemplateInput = z.output<typeof updateTemplateInput>;

export const templateIdInput = z.object({ id });
export type TemplateIdInput = z.output<typeof templateIdInput>;

export const linkTemplatesInput = z.object({
  categoryId: id,
  templateIds: z.array(z.string()).min(1, { error: 'templates.pickOne' }).max(TEMPLATE_LINKS_MAX),
});
export type LinkTemplatesInput = z.output<typeof linkTemplatesInput>;

export const templateSearchInput = z.object({
  scope: z.enum(['all', ...TEMPLATE_SCOPES]).default('all'),
  title: z.string().trim().max(TEMPLATE_TITLE_MAX).default(''),
  searchCode: z.string().trim().max(SEARCH_CODE_MAX).default(''),
  content: z.string().trim().max(200).default(''),
  after: z.string().max(80).optional(),
});
export type TemplateSearch = z.output<typeof templateSearchInput>;

export const ticketTemplatesInput = z.object({ ticketId: id, q: z.string().trim().max(50).default('') });
export type TicketTemplatesInput = z.output<typeof ticketTemplatesInput>;
export const renderTemplateInput = z.object({ ticketId: id, templateId: id });
/** The templates linked to one processing type (템플릿 연결 tab). */
export const linkedTemplatesInput = z.object({ categoryId: z.uuid({ error: 'errors.notFound' }) });
export type LinkedTemplatesInput = z.output<typeof linkedTemplatesInput>;
