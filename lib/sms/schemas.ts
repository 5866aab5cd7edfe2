import { z } from 'zod';
import { SMS_API_VERSIONS } from '@/db/schema';
import { optionalOutboundUrl } from '@/lib/net/addresses';
import { LMS_TITLE_MAX } from './bytes';

/** A phone number as people type it: digits with optional '-', ' ', '.', '(', ')' ; 9–13 digits stored. */
export const phoneNumber = z
  .string()
  .trim()
  .min(1, 'validation.required')
  .max(30, 'validation.tooLong')
  .transform((v) => v.replace(/[\s\-.()]/g, ''))
  .refine((v) => /^\d{9,13}$/.test(v), 'channels.sms.errors.phone');

export const smsConfigInput = z.object({
  apiVersion: z.enum(SMS_API_VERSIONS, 'validation.required'),
  /** Empty when editing: the sealed key stays. */
  appKey: z
    .string()
    .trim()
    .max(100, 'validation.tooLong')
    .regex(/^[A-Za-z0-9_-]*$/, 'channels.sms.errors.appKey')
    .optional()
    .default(''),
  secretKey: z.string().trim().max(100, 'validation.tooLong').optional().default(''),
  apiBaseUrl: optionalOutboundUrl,
});

export const allowedSendersInput = z.object({
  senders: z.preprocess(
    (v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]),
    z
      .array(
        z
          .string()
          .trim()
          .regex(/^\d{1,13}$/, 'channels.sms.errors.phone'),
      )
      .max(100),
  ),
});

export const sendSmsInput = z.object({
  ticketId: z.uuid(),
  clickKey: z.uuid(),
  senderNo: z.string().trim().min(1, 'validation.required').max(13),
  /** 'requester' sends to the ticket's requester phone (decrypted on the server); otherwise a typed number. */
  to: z.enum(['requester', 'number']),
  recipientNo: z.string().optional().default(''),
  title: z.string().trim().max(LMS_TITLE_MAX, 'validation.tooLong').optional().default(''),
  body: z.string().min(1, 'validation.required').max(4000, 'validation.tooLong'),
});
