'use server';

import { serviceAction } from '@/lib/actions/action';
import { renderTemplateForTicket } from '@/lib/templates/render-for-ticket';
import { renderTemplateInput, ticketTemplatesInput } from '@/lib/templates/schemas';
import { listTicketTemplates } from '@/lib/templates/ticket-templates';

/** The picker's templates for a ticket: those linked to its processing type first, then the rest; by title or search code. */
export const listTicketTemplatesAction = serviceAction(ticketTemplatesInput, {}, async (input, ctx) =>
  listTicketTemplates(ctx, input),
);

/** One template rendered for the ticket (substitution codes filled in); counts a use. */
export const renderTicketTemplateAction = serviceAction(renderTemplateInput, {}, async (input, ctx) =>
  renderTemplateForTicket(ctx, input),
);
