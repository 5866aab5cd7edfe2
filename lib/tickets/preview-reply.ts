import { sanitizeRichHtml } from '@/lib/html/sanitize';
import { htmlToMailText } from '@/lib/mail/html-to-text';
import { MASK, readFieldValues } from '@/lib/pii/read-field-values';
import type { ServiceCtx } from '@/lib/context';
import { ValidationError } from '@/lib/errors';
import { assertNoBannedWords } from '@/lib/banned-words/check';
import { buildReplyMail, layoutEventOf, requesterEmail } from './reply-mail';
import { loadTicket } from './snapshot';
import type { PreviewReplyInput } from './schemas';

/** 미리보기: the mail the customer would get for this reply, nothing sent or saved. */
export async function previewReply(ctx: ServiceCtx, input: PreviewReplyInput) {
  const format = input.format === 'html' && ctx.service.editorType !== 'text' ? 'html' : 'text';
  const body = format === 'html' ? sanitizeRichHtml(input.body).trim() : input.body.trim();
  const text = format === 'html' ? htmlToMailText(body) : body;
  if (!text) throw ValidationError.field('body', 'validation.required');
  await assertNoBannedWords(ctx.db, ctx.service.id, text);
  const { snapshot, row } = await loadTicket(ctx.db, ctx.service.id, input.ticketId);
  // The agent sees the mail, not the encrypted address or values: masked, like everywhere on their screens.
  const to =
    snapshot.requesterEmail ??
    ((await readFieldValues(ctx.db, ctx.service.id, snapshot.id, { reveal: false })).mail?.masked
      ? MASK
      : await requesterEmail(ctx.db, snapshot));
  const mail = await buildReplyMail(ctx.db, {
    snapshot,
    row,
    to: to ?? '',
    body,
    format,
    messageId: '<preview>',
    event: input.event ?? layoutEventOf(snapshot),
    maskWith: MASK,
  });
  return { to, subject: mail.subject, text: mail.text };
}
