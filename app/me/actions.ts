'use server';

import { cookies } from 'next/headers';
import { revalidatePath } from 'next/cache';
import { authedAction, serviceAction } from '@/lib/actions/action';
import { ownAssignableInput } from '@/lib/agents/schemas';
import { changePasswordInput } from '@/lib/auth/account-schemas';
import { changePassword } from '@/lib/auth/change-password';
import { setOwnAssignable } from '@/lib/agents/set-own-assignable';
import { localeCookie } from '@/lib/i18n/config';
import { localeInput } from '@/lib/members/schemas';
import { updateLocale } from '@/lib/members/update-locale';

export const updateLocaleAction = authedAction(localeInput, async (input, ctx) => {
  const result = await updateLocale(ctx, input);
  // The login page (no session yet) reads the cookie, so it follows the member's choice too.
  (await cookies()).set(localeCookie, input.locale, { path: '/', sameSite: 'lax', maxAge: 60 * 60 * 24 * 365 });
  revalidatePath('/', 'layout');
  return result;
});

/** The agent's own 티켓 할당; any agent of the service may call it, the verb checks 할당 제어. */
export const setOwnAssignableAction = serviceAction(ownAssignableInput, {}, async (input, ctx) => {
  const result = await setOwnAssignable(ctx, input);
  revalidatePath('/me');
  revalidatePath(`/${ctx.service.id}/settings/agents`);
  return result;
});

/** 비밀번호 변경 on 내 정보: the member's own password; their other sessions end. */
export const changePasswordAction = authedAction(changePasswordInput, async (input, ctx) => {
  return changePassword(ctx, input);
});
