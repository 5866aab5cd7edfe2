import { z } from 'zod';
import { conditionSchema } from './conditions';

const triggerId = z.uuid({ error: 'errors.notFound' });

export const TITLE_MAX = 100;
export const triggerFields = {
  title: z
    .string()
    .trim()
    .min(1, 'validation.required')
    .max(TITLE_MAX, 'validation.tooLong')
    .regex(/^[^\p{Cc}]*$/u, 'validation.controlChars'),
  conditions: z.array(conditionSchema).min(1, 'validation.triggers.noConditions').max(50, 'validation.tooLong'),
  /** Each row is checked by its type's schema in validateTrigger. */
  results: z
    .array(z.record(z.string(), z.unknown()))
    .min(1, 'validation.triggers.noResults')
    .max(20, 'validation.tooLong'),
};

export const createTriggerInput = z.object(triggerFields);
export type CreateTriggerInput = z.output<typeof createTriggerInput>;
export const updateTriggerInput = z.object({ triggerId, ...triggerFields });
export type UpdateTriggerInput = z.output<typeof updateTriggerInput>;
export const triggerIdInput = z.object({ triggerId });
export type TriggerIdInput = z.output<typeof triggerIdInput>;
export const setActiveInput = z.object({ triggerId, active: z.boolean() });
export const reorderInput = z.object({
  ids: z
    .array(z.uuid({ error: 'errors.triggers.reorderUnknown' }))
    .min(1)
    .max(1000),
});
export type ReorderTriggersInput = z.output<typeof reorderInput>;
export const testRunInput = z.object({
  ticketNumber: z.coerce.number().int().positive({ error: 'validation.triggers.ticketNumber' }),
  event: z.enum(['created', 'updated', 'customer_reply', 'agent_reply']).default('updated'),
});
export const deliveryIdInput = z.object({ deliveryId: z.uuid({ error: 'errors.notFound' }) });
export type DeliveryIdInput = z.output<typeof deliveryIdInput>;
/** 테스트: a typed URL, or (URL left empty) the saved callback of that trigger with this fingerprint. */
export const testCallbackInput = z.object({
  url: z.string().max(2000).default(''),
  triggerId: triggerId.optional(),
  urlKey: z.string().max(100).optional(),
});
export type TestCallbackInput = z.output<typeof testCallbackInput>;
export const serviceOnlyInput = z.object({});
