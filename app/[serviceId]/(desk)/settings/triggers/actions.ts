'use server';

import { revalidatePath } from 'next/cache';
import { serviceAction } from '@/lib/actions/action';
import { createTrigger } from '@/lib/triggers/create-trigger';
import { deleteTrigger } from '@/lib/triggers/delete-trigger';
import { rotateWebhookSecret } from '@/lib/triggers/deliveries/secret';
import { testCallback } from '@/lib/triggers/deliveries/test-callback';
import { deliveryErrorMessage } from '@/lib/triggers/deliveries/error-text';
import { translator } from '@/lib/i18n/messages';
import { reorderTriggers } from '@/lib/triggers/reorder-triggers';
import { retryDelivery } from '@/lib/triggers/retry-delivery';
import {
  createTriggerInput,
  deliveryIdInput,
  reorderInput,
  serviceOnlyInput,
  setActiveInput,
  testCallbackInput,
  testRunInput,
  triggerIdInput,
  updateTriggerInput,
} from '@/lib/triggers/schemas';
import { setTriggerActive } from '@/lib/triggers/set-trigger-active';
import { testRunTriggers } from '@/lib/triggers/test-run';
import { updateTrigger } from '@/lib/triggers/update-trigger';

const admin = { role: 'admin' } as const;
const refresh = (serviceId: string) => revalidatePath(`/${serviceId}/settings/triggers`, 'layout');

export const createTriggerAction = serviceAction(createTriggerInput, admin, async (input, ctx) => {
  const t = await createTrigger(ctx, input);
  refresh(ctx.service.id);
  return { id: t.id };
});

export const updateTriggerAction = serviceAction(updateTriggerInput, admin, async (input, ctx) => {
  const t = await updateTrigger(ctx, input);
  refresh(ctx.service.id);
  return { id: t.id };
});

export const setTriggerActiveAction = serviceAction(setActiveInput, admin, async (input, ctx) => {
  const t = await setTriggerActive(ctx, input);
  refresh(ctx.service.id);
  return { id: t.id, active: t.active };
});

export const deleteTriggerAction = serviceAction(triggerIdInput, admin, async (input, ctx) => {
  const t = await deleteTrigger(ctx, input);
  refresh(ctx.service.id);
  return t;
});

export const reorderTriggersAction = serviceAction(reorderInput, admin, async (input, ctx) => {
  const ids = await reorderTriggers(ctx, input);
  refresh(ctx.service.id);
  return ids;
});

export const testRunAction = serviceAction(testRunInput, admin, async (input, ctx) => testRunTriggers(ctx, input));

export const retryDeliveryAction = serviceAction(deliveryIdInput, admin, async (input, ctx) => {
  const r = await retryDelivery(ctx, input);
  refresh(ctx.service.id);
  return r;
});

/** Creates or replaces the callback signing secret; the answer is the only time it is shown. */
export const rotateSecretAction = serviceAction(serviceOnlyInput, admin, async (_input, ctx) => ({
  secret: await rotateWebhookSecret(ctx),
}));

/** 테스트: sends a signed sample to a callback URL and shows the status and the first 1 KB of the answer. */
export const testCallbackAction = serviceAction(testCallbackInput, admin, async (input, ctx) => {
  const r = await testCallback(ctx, input);
  if (!r.error) return r;
  // Refused at connect time (the name resolved to a private address): the same words as a private URL.
  if (r.error.startsWith('blocked')) return { ...r, error: translator(ctx.locale)('validation.triggers.urlPrivate') };
  const m = deliveryErrorMessage(r.error);
  return { ...r, error: translator(ctx.locale)(`deliveryLog.${m.key}`, m.params) };
});
