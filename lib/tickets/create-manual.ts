import type { ServiceCtx } from '@/lib/context';
import { ValidationError } from '@/lib/errors';
import { validateTicketFields } from '@/lib/field-layouts/validate-ticket-fields';
import { assignableAgent } from './assignable';
import { memberActor } from './change';
import { createTicket } from './create-ticket';
import type { ManualTicketInput } from './schemas';

/**
 * 티켓 생성 (channel `manual`): an agent records an inquiry received elsewhere (phone, visit),
 * with the customer-field layout of the chosen intake type, in the service's default language.
 */
export async function createManualTicket(ctx: ServiceCtx, input: ManualTicketInput) {
  const language = ctx.service.languages[0] ?? 'ko';
  const r = await validateTicketFields(ctx.db, ctx.service.id, 'customer', input.intakeTypeId, input.values);
  const subject = typeof r.values.subject === 'string' ? r.values.subject.trim() : '';
  const content = typeof r.values.content === 'string' ? r.values.content : '';
  if (!r.ok) throw new ValidationError(r.errors);
  if (!subject) throw ValidationError.field('subject', 'validation.required');
  const assignee = input.assignToMe ? await assignableAgent(ctx.db, ctx.service.id, ctx.member.id) : null;
  if (input.assignToMe && !assignee) throw ValidationError.field('assignToMe', 'errors.notAssignable');
  const { snapshot } = await ctx.db.transaction((tx) =>
    createTicket(tx, {
      serviceId: ctx.service.id,
      channel: 'manual',
      language,
      subject,
      content,
      intakeTypeId: input.intakeTypeId,
      entries: r.entries,
      actor: memberActor(ctx),
      assigneeId: assignee ? ctx.member.id : null,
    }),
  );
  return snapshot;
}
