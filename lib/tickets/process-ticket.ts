import type { Ticket } from '@/db/schema';
import { sanitizeRichHtml } from '@/lib/html/sanitize';
import { htmlToMailText } from '@/lib/mail/html-to-text';
import type { ServiceCtx } from '@/lib/context';
import { ConflictError, ForbiddenError, ValidationError } from '@/lib/errors';
import { assertNoBannedWords } from '@/lib/banned-words/check';
import { assignableAgent } from './assignable';
import { changeTicket, type ChangePlan } from './change';
import type { ProcessAction, ProcessInput } from './schemas';

/** Statuses in which a ticket can still be answered or resolved (not completed, not with Dooray). */
const WORKABLE = new Set(['new', 'open', 'pending', 'solved', 'dooray_done']);

/** Who may do what: anyone may comment; answering and resolving are for the assignee or an admin. */
export function checkProcess(ctx: Pick<ServiceCtx, 'member' | 'role'>, row: Ticket, action: ProcessAction): void {
  if (action === 'comment') return;
  if (row.spam) throw new ConflictError('errors.ticketInSpam');
  if (!WORKABLE.has(row.status)) throw new ConflictError('errors.ticketStatus');
  if (row.assigneeId && row.assigneeId !== ctx.member.id && ctx.role !== 'admin')
    throw new ForbiddenError('errors.ticketNotYours');
}

/** The change a processing action makes (SPEC §2): 해결, 보류, 코멘트 추가, 내부해결. */
export async function planProcess(
  ctx: Pick<ServiceCtx, 'db' | 'member' | 'role' | 'service'>,
  row: Ticket,
  input: Pick<ProcessInput, 'action' | 'body' | 'reason'> & { format?: ProcessInput['format'] },
): Promise<ChangePlan> {
  checkProcess(ctx, row, input.action);
  // Rich replies are kept only where the service's editor type is HTML, and always sanitized; what
  // is checked (required, 금칙어) is the text a customer reads, so markup alone is an empty reply.
  const format = input.format === 'html' && ctx.service.editorType !== 'text' ? 'html' : 'text';
  const rich = format === 'html' ? sanitizeRichHtml(input.body).trim() : '';
  const text = format === 'html' ? htmlToMailText(rich) : input.body.trim();
  const body = format === 'html' ? (text ? rich : '') : text;
  if (input.action !== 'internal' && !text) throw ValidationError.field('body', 'validation.required');
  if (input.action === 'internal' && !input.reason) throw ValidationError.field('reason', 'validation.required');
  // 금칙어 (SPEC §9): a reply to the customer with a banned word is refused on every path (single and bulk).
  if (input.action === 'solve' || input.action === 'pend') await assertNoBannedWords(ctx.db, ctx.service.id, text);
  const now = new Date();
  const set: ChangePlan['set'] = {};
  if (input.action !== 'comment' && !row.assigneeId && (await assignableAgent(ctx.db, ctx.service.id, ctx.member.id)))
    set.assigneeId = ctx.member.id;
  switch (input.action) {
    case 'solve':
      return {
        event: 'agent_reply',
        set: {
          ...set,
          status: 'solved',
          solvedAt: now,
          solvedById: ctx.member.id,
          firstRepliedAt: row.firstRepliedAt ?? now,
          internalReason: null,
        },
        message: { kind: 'agent_reply', body, format },
      };
    case 'pend':
      return {
        event: 'agent_reply',
        set: { ...set, status: 'pending', firstRepliedAt: row.firstRepliedAt ?? now },
        message: { kind: 'agent_reply', body, format },
      };
    case 'internal':
      return {
        event: 'updated',
        set: {
          ...set,
          status: 'solved',
          solvedAt: now,
          solvedById: ctx.member.id,
          internalReason: input.reason,
          spam: input.reason === 'spam',
        },
        message: body ? { kind: 'internal_comment', body, format } : undefined,
      };
    case 'comment':
      return { event: 'updated', message: { kind: 'internal_comment', body, format } };
  }
}

/** Runs one processing action on one ticket, refusing a stale version. */
export async function processTicket(ctx: ServiceCtx, input: ProcessInput) {
  return changeTicket(ctx, input.ticketId, input.version, ({ row }) => planProcess(ctx, row, input));
}
