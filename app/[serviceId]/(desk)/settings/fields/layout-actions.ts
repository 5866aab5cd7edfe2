'use server';

import { revalidatePath } from 'next/cache';
import { serviceAction } from '@/lib/actions/action';
import { removeOwnLayout, saveLayout } from '@/lib/field-layouts/save-layout';
import { removeOwnLayoutInput, saveLayoutInput } from '@/lib/field-layouts/schemas';

export const saveLayoutAction = serviceAction(saveLayoutInput, { role: 'admin' }, async (input, ctx) => {
  const row = await saveLayout(ctx, input);
  revalidatePath(`/${ctx.service.id}/settings/fields`);
  return { fieldIds: row.fieldIds };
});

export const removeOwnLayoutAction = serviceAction(removeOwnLayoutInput, { role: 'admin' }, async (input, ctx) => {
  await removeOwnLayout(ctx, input);
  revalidatePath(`/${ctx.service.id}/settings/fields`);
  return { intakeTypeId: input.intakeTypeId };
});
