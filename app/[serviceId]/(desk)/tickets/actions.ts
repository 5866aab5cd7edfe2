'use server';

import { revalidatePath } from 'next/cache';
import { serviceAction } from '@/lib/actions/action';
import { bulkProcess } from '@/lib/tickets/bulk-process';
import { completeTicket } from '@/lib/tickets/complete-ticket';
import { createManualTicket } from '@/lib/tickets/create-manual';
import { previewReply } from '@/lib/tickets/preview-reply';
import { processTicket } from '@/lib/tickets/process-ticket';
import { resendReplyMail } from '@/lib/tickets/resend-reply-mail';
import {
  bulkInput,
  completeInput,
  manualTicketInput,
  previewInput,
  processInput,
  resendInput,
  restoreSpamInput,
  spamInput,
  starInput,
  takeInput,
  transferInput,
  updateTicketInput,
} from '@/lib/tickets/schemas';
import { deleteSpam, restoreFromSpam } from '@/lib/tickets/spam-box';
import { starTicket } from '@/lib/tickets/star-ticket';
import { takeTicket } from '@/lib/tickets/take-ticket';
import { transferTicket } from '@/lib/tickets/transfer-ticket';
import { updateTicket } from '@/lib/tickets/update-ticket';

const refresh = (id: string) => revalidatePath(`/${id}`, 'layout');

const answers = (action: string) => action === 'solve' || action === 'pend';

/** 처리하기: 해결 / 보류 / 코멘트 추가 / 내부해결; a reply to the customer is queued in the outbox with the change. */
export const processTicketAction = serviceAction(processInput, {}, async (input, ctx) => {
  const r = await processTicket(ctx, input);
  refresh(ctx.service.id);
  return { status: r.after.status, mailed: answers(input.action) && r.messageId ? 1 : 0, mailFailed: 0 };
});

export const bulkProcessAction = serviceAction(bulkInput, {}, async (input, ctx) => {
  const r = await bulkProcess(ctx, input);
  refresh(ctx.service.id);
  return {
    count: r.ids.length,
    mailed: answers(input.action) ? r.messageIds.filter((m) => m.messageId).length : 0,
    mailFailed: 0,
  };
});

export const previewReplyAction = serviceAction(previewInput, {}, async (input, ctx) => previewReply(ctx, input));

export const takeTicketAction = serviceAction(takeInput, {}, async (input, ctx) => {
  await takeTicket(ctx, input);
  refresh(ctx.service.id);
  return null;
});

export const transferTicketAction = serviceAction(transferInput, {}, async (input, ctx) => {
  await transferTicket(ctx, input);
  refresh(ctx.service.id);
  return null;
});

export const completeTicketAction = serviceAction(completeInput, { role: 'admin' }, async (input, ctx) => {
  await completeTicket(ctx, input);
  refresh(ctx.service.id);
  return null;
});

export const starTicketAction = serviceAction(starInput, {}, async (input, ctx) => {
  await starTicket(ctx, input);
  refresh(ctx.service.id);
  return null;
});

export const updateTicketAction = serviceAction(updateTicketInput, {}, async (input, ctx) => {
  const r = await updateTicket(ctx, input);
  refresh(ctx.service.id);
  return { version: null, status: r.after.status };
});

export const restoreSpamAction = serviceAction(restoreSpamInput, { role: 'admin' }, async (input, ctx) => {
  await restoreFromSpam(ctx, input);
  refresh(ctx.service.id);
  return null;
});

export const deleteSpamAction = serviceAction(spamInput, { role: 'admin' }, async (input, ctx) => {
  const n = await deleteSpam(ctx, input);
  refresh(ctx.service.id);
  return { count: n };
});

export const createTicketAction = serviceAction(manualTicketInput, {}, async (input, ctx) => {
  const r = await createManualTicket(ctx, input);
  refresh(ctx.service.id);
  return { number: r.number };
});

/** 재발송 of a failed reply mail, from the ticket conversation (any agent of the service). */
export const resendReplyMailAction = serviceAction(resendInput, {}, async (input, ctx) => {
  const r = await resendReplyMail(ctx, input);
  refresh(ctx.service.id);
  return r;
});
