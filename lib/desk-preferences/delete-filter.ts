import { and, eq } from 'drizzle-orm';
import type { z } from 'zod';
import { savedFilters } from '@/db/schema';
import type { ServiceCtx } from '@/lib/context';
import type { deleteFilterInput } from './schemas';

/**
 * Removes one of my saved filters. Idempotent: a filter already gone (a second click, another tab)
 * or another agent's is left alone and reported as not deleted, never touched.
 */
export async function deleteFilter(ctx: ServiceCtx, input: z.infer<typeof deleteFilterInput>) {
  const gone = await ctx.db
    .delete(savedFilters)
    .where(
      and(
        eq(savedFilters.id, input.filterId),
        eq(savedFilters.serviceId, ctx.service.id),
        eq(savedFilters.memberId, ctx.member.id),
      ),
    )
    .returning({ id: savedFilters.id });
  return { deleted: gone.length > 0 };
}
