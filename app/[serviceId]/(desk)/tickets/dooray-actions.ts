'use server';

import { revalidatePath } from 'next/cache';
import { serviceAction } from '@/lib/actions/action';
import { commentOnDooray } from '@/lib/dooray/comment';
import { commentInput, transferInput } from '@/lib/dooray/schemas';
import { transferToDooray } from '@/lib/dooray/transfer';

const agent = { role: 'agent' } as const;

export const transferToDoorayAction = serviceAction(transferInput, agent, async (input, ctx) => {
  const r = await transferToDooray(ctx, input);
  revalidatePath(`/${ctx.service.id}/tickets`, 'layout');
  return r;
});

export const doorayCommentAction = serviceAction(commentInput, agent, async (input, ctx) => {
  const r = await commentOnDooray(ctx, input);
  revalidatePath(`/${ctx.service.id}/tickets`, 'layout');
  return r;
});
