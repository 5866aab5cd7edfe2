import { z } from 'zod';
import { INTERNAL_REASONS, MAIL_LAYOUT_EVENTS, MESSAGE_FORMATS } from '@/db/values';

/** Input schemas of the ticket verbs (lib/tickets/*), parsed by their actions. */

export const PROCESS_ACTIONS = ['solve', 'pend', 'comment', 'internal'] as const;
export type ProcessAction = (typeof PROCESS_ACTIONS)[number];
/** The longest reply or comment body, in characters. */
export const MAX_REPLY = 20000;

export const processInput = z.object({
  ticketId: z.uuid(),
  version: z.coerce.number().int().positive(),
  action: z.enum(PROCESS_ACTIONS),
  body: z.string().max(MAX_REPLY, { error: 'validation.tooLong' }).default(''),
  reason: z.enum(INTERNAL_REASONS).optional(),
  /** `html` from the rich-text editor (services whose editor type is HTML); sanitized before it is stored. */
  format: z.enum(MESSAGE_FORMATS).default('text'),
});
export type ProcessInput = z.output<typeof processInput>;

/** The most tickets one bulk action takes. */
export const MAX_BULK = 100;
export const bulkInput = z.object({
  ticketIds: z
    .array(z.uuid())
    .min(1, { error: 'validation.chooseTickets' })
    .max(MAX_BULK, { error: 'validation.tooManyTickets' }),
  action: z.enum(PROCESS_ACTIONS),
  body: z.string().max(MAX_REPLY, { error: 'validation.tooLong' }).default(''),
  reason: z.enum(INTERNAL_REASONS).optional(),
});
export type BulkProcessInput = z.output<typeof bulkInput>;

export const previewInput = z.object({
  ticketId: z.uuid(),
  body: z.string().max(MAX_REPLY, { error: 'validation.tooLong' }),
  event: z.enum(MAIL_LAYOUT_EVENTS).optional(),
  format: z.enum(MESSAGE_FORMATS).default('text'),
});
export type PreviewReplyInput = z.output<typeof previewInput>;

export const takeInput = z.object({ ticketId: z.uuid(), groupId: z.string().optional() });
export type TakeTicketInput = z.output<typeof takeInput>;

export const transferInput = z.object({
  ticketId: z.uuid(),
  version: z.coerce.number().int().positive(),
  assigneeId: z.string().min(1, { error: 'validation.required' }),
  note: z.string().max(2000).default(''),
});
export type TransferTicketInput = z.output<typeof transferInput>;

export const completeInput = z.object({ ticketId: z.uuid(), version: z.coerce.number().int().positive() });
export type CompleteTicketInput = z.output<typeof completeInput>;

export const starInput = z.object({ ticketId: z.uuid(), starred: z.boolean() });
export type StarTicketInput = z.output<typeof starInput>;

export const updateTicketInput = z.object({
  ticketId: z.uuid(),
  version: z.coerce.number().int().positive(),
  intakeTypeId: z.string().optional(),
  processingTypeId: z.string().optional(),
  values: z.record(z.string(), z.unknown()).default({}),
});
export type UpdateTicketInput = z.output<typeof updateTicketInput>;

export const spamInput = z.object({ ticketIds: z.array(z.uuid()).min(1).max(200) });
export type DeleteSpamInput = z.output<typeof spamInput>;

export const restoreSpamInput = z.object({ ticketId: z.uuid() });
export type RestoreSpamInput = z.output<typeof restoreSpamInput>;

export const manualTicketInput = z.object({
  intakeTypeId: z.string().min(1, { error: 'validation.required' }),
  values: z.record(z.string(), z.unknown()).default({}),
  assignToMe: z.boolean().default(false),
});
export type ManualTicketInput = z.output<typeof manualTicketInput>;

export const resendInput = z.object({ deliveryId: z.uuid() });
export type ResendReplyInput = z.output<typeof resendInput>;

export const matchingIdsInput = z.object({ query: z.string().max(2000) });
export type MatchingIdsInput = z.output<typeof matchingIdsInput>;
