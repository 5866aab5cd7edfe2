'use server';

import { cookies } from 'next/headers';
import { revalidatePath } from 'next/cache';
import { authedAction } from '@/lib/actions/action';
import { localeCookie } from '@/lib/i18n/config';
import { localeInput } from '@/lib/members/schemas';
import { updateLocale } from '@/lib/members/update-locale';

export const updateLocaleAction = authedAction(localeInput, async (input, ctx) => {
  const result = await updateLocale(ctx, input.locale);
  // The login page (no session yet) reads the cookie, so it follows the member's choice too.
  (await cookies()).set(localeCookie, input.locale, { path: '/', sameSite: 'lax', maxAge: 60 * 60 * 24 * 365 });
  revalidatePath('/', 'layout');
  return result;
});
