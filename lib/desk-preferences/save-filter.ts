import { and, count, eq, sql } from 'drizzle-orm';
import type { z } from 'zod';
import { savedFilters } from '@/db/schema';
import type { ServiceCtx } from '@/lib/context';
import { ValidationError } from '@/lib/errors';
import { searchOf } from '@/lib/tickets/list-filter';
import { listQuery, parseListParams } from '@/lib/tickets/list-params';
import { SAVED_FILTERS_MAX, type saveFilterInput } from './schemas';

/**
 * 필터 저장: names the list's current filter for me in this service. The query is read through the
 * list's own parser and written back without cursor, so only what the list understands is kept;
 * saving under a name I already use replaces that filter.
 */
export async function saveFilter(ctx: ServiceCtx, input: z.infer<typeof saveFilterInput>) {
  const params = parseListParams(searchOf(input.query));
  const query = listQuery({ ...params, cursor: undefined });
  return ctx.db.transaction(async (tx) => {
    const scope = and(eq(savedFilters.serviceId, ctx.service.id), eq(savedFilters.memberId, ctx.member.id));
    const [{ n }] = await tx
      .select({ n: count() })
      .from(savedFilters)
      .where(and(scope, sql`${savedFilters.name} <> ${input.name}`));
    if (n >= SAVED_FILTERS_MAX)
      throw ValidationError.field('name', 'validation.tooManySavedFilters', { max: SAVED_FILTERS_MAX });
    const [row] = await tx
      .insert(savedFilters)
      .values({ serviceId: ctx.service.id, memberId: ctx.member.id, name: input.name, query })
      .onConflictDoUpdate({
        target: [savedFilters.serviceId, savedFilters.memberId, savedFilters.name],
        set: { query, updatedAt: sql`now()` },
      })
      .returning({ id: savedFilters.id, name: savedFilters.name, query: savedFilters.query });
    return row;
  });
}
