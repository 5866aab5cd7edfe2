'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { serviceAction } from '@/lib/actions/action';
import { removeOwnLayout, saveLayout } from '@/lib/field-layouts/save-layout';

const uuid = z.uuid({ error: 'errors.notFound' });

export const saveLayoutAction = serviceAction(
  z.object({ audience: z.enum(['customer', 'agent']), intakeTypeId: uuid.nullable(), fieldIds: z.array(uuid).max(500) }),
  { role: 'admin' },
  async (input, ctx) => {
    const row = await saveLayout(ctx, input);
    revalidatePath(`/${ctx.service.id}/settings/fields`);
    return { fieldIds: row.fieldIds };
  },
);

export const removeOwnLayoutAction = serviceAction(z.object({ intakeTypeId: uuid }), { role: 'admin' }, async (input, ctx) => {
  await removeOwnLayout(ctx, input.intakeTypeId);
  revalidatePath(`/${ctx.service.id}/settings/fields`);
  return { intakeTypeId: input.intakeTypeId };
});
