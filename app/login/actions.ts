'use server';

import { cookies } from 'next/headers';
import { publicAction } from '@/lib/actions/action';
import { localeInput } from '@/lib/members/schemas';
import { localeCookie } from '@/lib/i18n/config';

// Public on purpose: a visitor picks the language of the login and invite pages; it only sets a cookie.
export const setGuestLocaleAction = publicAction(localeInput, async (input) => {
  (await cookies()).set(localeCookie, input.locale, { path: '/', sameSite: 'lax', maxAge: 60 * 60 * 24 * 365 });
  return { locale: input.locale };
});
