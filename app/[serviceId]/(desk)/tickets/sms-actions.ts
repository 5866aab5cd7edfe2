'use server';

import { revalidatePath } from 'next/cache';
import { serviceAction } from '@/lib/actions/action';
import { sendSmsInput } from '@/lib/sms/schemas';
import { sendTicketSms } from '@/lib/sms/send';

export const sendTicketSmsAction = serviceAction(sendSmsInput, { role: 'agent' }, async (input, ctx) => {
  const r = await sendTicketSms(ctx, input);
  revalidatePath(`/${ctx.service.id}/tickets`, 'layout');
  return r;
});
