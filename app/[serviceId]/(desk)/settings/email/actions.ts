'use server';

import { revalidatePath } from 'next/cache';
import { serviceAction } from '@/lib/actions/action';
import { deleteAccount, saveAccount, testAccount } from '@/lib/mail/settings/accounts';
import { saveLayout } from '@/lib/mail/settings/save-layout';
import { saveSender } from '@/lib/mail/settings/save-sender';
import { accountIdInput, accountInput, layoutInput, senderInput } from '@/lib/mail/settings/schemas';

const admin = { role: 'admin' } as const;
const refresh = (serviceId: string) => revalidatePath(`/${serviceId}/settings/email`);

export const saveSenderAction = serviceAction(senderInput, admin, async (input, ctx) => {
  const r = await saveSender(ctx, input);
  refresh(ctx.service.id);
  return r;
});

export const saveLayoutAction = serviceAction(layoutInput, admin, async (input, ctx) => {
  const r = await saveLayout(ctx, input);
  refresh(ctx.service.id);
  return { event: r.event, lang: r.lang };
});

export const saveAccountAction = serviceAction(accountInput, admin, async (input, ctx) => {
  const r = await saveAccount(ctx, input);
  refresh(ctx.service.id);
  return r;
});

export const deleteAccountAction = serviceAction(accountIdInput, admin, async (input, ctx) => {
  const r = await deleteAccount(ctx, input);
  refresh(ctx.service.id);
  return r;
});

/** 연결 테스트: logs in and counts the folder's messages; a failed login is an answer (`ok: false` in data). */
export const testAccountAction = serviceAction(accountIdInput, admin, async (input, ctx) => testAccount(ctx, input));
