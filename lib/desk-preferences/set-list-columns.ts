import { sql } from 'drizzle-orm';
import type { z } from 'zod';
import { deskPreferences } from '@/db/schema';
import type { ServiceCtx } from '@/lib/context';
import { LIST_COLUMNS, type ListColumn, type listColumnsInput } from './schemas';

/** Remembers which list columns I show in this service (in the list's own order). */
export async function setListColumns(ctx: ServiceCtx, input: z.infer<typeof listColumnsInput>): Promise<ListColumn[]> {
  const columns = LIST_COLUMNS.filter((c) => input.columns.includes(c));
  await ctx.db
    .insert(deskPreferences)
    .values({ serviceId: ctx.service.id, memberId: ctx.member.id, listColumns: columns })
    .onConflictDoUpdate({
      target: [deskPreferences.serviceId, deskPreferences.memberId],
      set: { listColumns: columns, updatedAt: sql`now()` },
    });
  return columns;
}
