'use server';

import { revalidatePath } from 'next/cache';
import { orgAction } from '@/lib/actions/action';
import { createService } from '@/lib/services/create-service';
import { createServiceInput, updateServiceInput } from '@/lib/services/schemas';
import { updateService } from '@/lib/services/update-service';

export const createServiceAction = orgAction(createServiceInput, async (input, ctx) => {
  const service = await createService(ctx, input);
  revalidatePath('/admin/services');
  return { id: service.id };
});

export const updateServiceAction = orgAction(updateServiceInput, async (input, ctx) => {
  const service = await updateService(ctx, input);
  revalidatePath('/admin/services');
  revalidatePath(`/${service.id}`, 'layout');
  return { id: service.id };
});
