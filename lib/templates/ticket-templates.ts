import { templatesForTicket } from '@/db/queries/templates';
import type { ServiceCtx } from '@/lib/context';
import { loadTicket } from '@/lib/tickets/snapshot';
import type { TicketTemplatesInput } from './schemas';

const PREVIEW = 200;

/** The picker's templates for a ticket: those linked to its processing type first, then the rest; by title or search code. */
export async function listTicketTemplates(ctx: Pick<ServiceCtx, 'db' | 'service'>, input: TicketTemplatesInput) {
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
}
