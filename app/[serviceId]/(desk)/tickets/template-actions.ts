'use server';

import { templatesForTicket } from '@/db/queries/templates';
import { serviceAction } from '@/lib/actions/action';
import { renderTemplateForTicket } from '@/lib/templates/render-for-ticket';
import { renderTemplateInput, ticketTemplatesInput } from '@/lib/templates/schemas';
import { loadTicket } from '@/lib/tickets/snapshot';

const PREVIEW = 200;

/** The picker's templates for a ticket: those linked to its processing type first, then the rest; by title or search code. */
export const listTicketTemplatesAction = serviceAction(ticketTemplatesInput, {}, async (input, ctx) => {
  const { row } = await loadTicket(ctx.db, ctx.service.id, input.ticketId);
  const rows = await templatesForTicket(ctx.db, ctx.service.id, row.processingTypeId, input.q);
  return rows.map((r) => ({
    id: r.id,
    title: r.title,
    searchCode: r.searchCode,
    scope: r.scope,
    useCount: r.useCount,
    linked: r.linked,
    preview: r.content.slice(0, PREVIEW),
  }));
});

/** One template rendered for the ticket (substitution codes filled in); counts a use. */
export const renderTicketTemplateAction = serviceAction(renderTemplateInput, {}, async (input, ctx) =>
  renderTemplateForTicket(ctx, input),
);
