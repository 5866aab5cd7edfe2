import type { ServiceCtx } from '@/lib/context';
import { agentGroups } from './assignable';
import { listFilterOf, searchOf } from './list-filter';
import { parseListParams } from './list-params';
import { listTickets } from './list-tickets';
import type { MatchingIdsInput } from './schemas';

/** The most tickets one bulk run takes (processed in chunks, with progress). */
export const BULK_SELECT_MAX = 1000;

/**
 * "이 조건의 티켓 모두 선택": the ids of the tickets the list shows for this query, in list order,
 * at most BULK_SELECT_MAX, with the capped total so the screen can say when there are more.
 */
export async function matchingTicketIds(
  ctx: ServiceCtx,
  input: MatchingIdsInput,
): Promise<{ ids: string[]; more: boolean }> {
  const p = parseListParams(searchOf(input.query));
  const groups = ctx.agent ? await agentGroups(ctx.db, ctx.service.id, ctx.agent.id) : [];
  const filter = await listFilterOf(ctx.db, ctx.service.id, p);
  const page = await listTickets(
    ctx.db,
    {
      serviceId: ctx.service.id,
      memberId: ctx.member.id,
      menu: p.menu,
      filter,
      order: p.order,
      limit: BULK_SELECT_MAX,
    },
    groups,
  );
  return { ids: page.rows.map((r) => r.id), more: page.next !== null };
}
