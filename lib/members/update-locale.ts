import { eq } from 'drizzle-orm';
import { members, type UiLocale } from '@/db/schema';
import type { MemberCtx } from '@/lib/context';

/** Saves the member's own UI language. */
export async function updateLocale(ctx: MemberCtx, locale: UiLocale) {
  await ctx.db.update(members).set({ locale, updatedAt: new Date() }).where(eq(members.id, ctx.member.id));
  return { locale };
}
