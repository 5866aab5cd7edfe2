import type { z } from 'zod';
import { mailSettings } from '@/db/schema';
import type { ServiceCtx } from '@/lib/context';
import type { senderInput } from './schemas';

/** 발신 정보: the display name and address of every mail the service sends (empty = the defaults). */
export async function saveSender(ctx: Pick<ServiceCtx, 'db' | 'service'>, input: z.output<typeof senderInput>) {
  const values = {
    senderName: input.senderName,
    senderAddress: input.senderAddress.toLowerCase(),
    updatedAt: new Date(),
  };
  await ctx.db
    .insert(mailSettings)
    .values({ serviceId: ctx.service.id, ...values })
    .onConflictDoUpdate({ target: mailSettings.serviceId, set: values });
  return values;
}
