import { getVisibleTemplate, countTemplateUse } from '@/db/queries/templates';
import type { ServiceCtx } from '@/lib/actions/context';
import { sanitizeRichHtml } from '@/lib/html/sanitize';
import { htmlToMailText } from '@/lib/mail/html-to-text';
import { renderCodes } from '@/lib/substitution/render';
import { substitutionValues } from '@/lib/substitution/values';
import { loadTicket } from '@/lib/tickets/snapshot';

/**
 * A template rendered for one ticket's reply, counting one use. The reply goes to the
 * customer, so the values are those of a mail to the requester (audience 'customer'); the
 * text is inserted into the reply box as typed text, so values are not HTML-escaped here
 * (the reply's own rendering escapes them).
 */
export async function renderTemplateForTicket(ctx: Pick<ServiceCtx, 'db' | 'service'>, input: { ticketId: string; templateId: string }): Promise<{ text: string }> {
  const { snapshot } = await loadTicket(ctx.db, ctx.service.id, input.ticketId);
  const template = await getVisibleTemplate(ctx.db, ctx.service.id, input.templateId);
  const values = await substitutionValues(ctx.db, snapshot, { audience: 'customer' });
  // An HTML template goes into the reply box as its text (the reply form is plain text).
  const text = ctx.service.editorType === 'text' ? renderCodes(template.content, values, { html: false }) : htmlToMailText(sanitizeRichHtml(renderCodes(template.content, values, { html: true })));
  await countTemplateUse(ctx.db, template.id);
  return { text };
}
