import { eq } from 'drizzle-orm';
import { members } from '@/db/schema';
import type { MemberCtx } from '@/lib/context';
import type { LocaleInput } from './schemas';

/** Saves the member's own UI language. */
export async function updateLocale(ctx: MemberCtx, { locale }: LocaleInput) {
  await ctx.db.update(members).set({ locale, updatedAt: new Date() }).where(eq(members.id, ctx.member.id));
  return { locale };
}
