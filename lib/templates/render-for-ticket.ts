import { countTemplateUse } from '@/db/queries/templates';
import { getVisibleTemplate } from './get-template';
import type { ServiceCtx } from '@/lib/context';
import { MASK } from '@/lib/pii/read-field-values';
import { sanitizeRichHtml } from '@/lib/html/sanitize';
import { htmlToMailText } from '@/lib/mail/html-to-text';
import { renderCodes } from '@/lib/substitution/render';
import { substitutionValues } from '@/lib/substitution/values';
import { loadTicket } from '@/lib/tickets/snapshot';

/**
 * A template rendered for one ticket's reply, counting one use. The text lands in an agent's
 * reply box, so encrypted values show masked (revealing one is 보기, which is logged); the text
 * is inserted as typed text, so values are not HTML-escaped here (the reply's rendering does).
 */
export async function renderTemplateForTicket(
  ctx: Pick<ServiceCtx, 'db' | 'service'>,
  input: { ticketId: string; templateId: string },
): Promise<{ text: string; html: string | null }> {
  const { snapshot } = await loadTicket(ctx.db, ctx.service.id, input.ticketId);
  const template = await getVisibleTemplate(ctx.db, ctx.service.id, input.templateId);
  const values = await substitutionValues(ctx.db, snapshot, { audience: 'agent', maskWith: MASK });
  // In a service with the HTML editor the reply form is rich text too: it takes the template's
  // sanitized HTML (values escaped); `text` stays for a plain box (and the `/code` suggestions).
  const html =
    ctx.service.editorType === 'text' ? null : sanitizeRichHtml(renderCodes(template.content, values, { html: true }));
  const text = html === null ? renderCodes(template.content, values, { html: false }) : htmlToMailText(html);
  await countTemplateUse(ctx.db, template.id);
  return { text, html };
}
