'use server';

import { revalidatePath } from 'next/cache';
import { serviceAction } from '@/lib/actions/action';
import { createField } from '@/lib/fields/create-field';
import { deleteField } from '@/lib/fields/delete-field';
import { resetField } from '@/lib/fields/reset-field';
import { createFieldInput, fieldIdInput, updateFieldInput } from '@/lib/fields/schemas';
import { updateField } from '@/lib/fields/update-field';

const admin = { role: 'admin' } as const;
const refresh = (serviceId: string) => revalidatePath(`/${serviceId}/settings/fields`);

export const createFieldAction = serviceAction(createFieldInput, admin, async (input, ctx) => {
  const f = await createField(ctx, input);
  refresh(ctx.service.id);
  return { id: f.id, code: f.code };
});

export const updateFieldAction = serviceAction(updateFieldInput, admin, async (input, ctx) => {
  const f = await updateField(ctx, input);
  refresh(ctx.service.id);
  return { id: f.id, code: f.code };
});

export const deleteFieldAction = serviceAction(fieldIdInput, admin, async (input, ctx) => {
  const r = await deleteField(ctx, input);
  refresh(ctx.service.id);
  return r;
});

export const resetFieldAction = serviceAction(fieldIdInput, admin, async (input, ctx) => {
  const f = await resetField(ctx, input);
  refresh(ctx.service.id);
  return { id: f.id, code: f.code };
});
