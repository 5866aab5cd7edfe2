import { z } from 'zod';
import { AFTER_IMPORT, MAIL_LAYOUT_EVENTS } from '@/db/schema';

/** No CR/LF (or other control characters) in anything that ends up in a mail header or a command. */
const oneLine = (max: number) =>
  z
    .string()
    .trim()
    .max(max, { error: 'validation.tooLong' })
    .refine((v) => !/[\u0000-\u001f\u007f]/.test(v), { error: 'email.errors.oneLine' });
import { formCheckbox as checkbox } from '@/lib/actions/form-data';

export const senderInput = z.object({
  senderName: oneLine(100),
  senderAddress: z.union([z.literal(''), z.email({ error: 'validation.email' }).max(254)]).pipe(oneLine(254)),
});

export const MAX_LAYOUT = 50_000;
export const layoutInput = z.object({
  event: z.enum(MAIL_LAYOUT_EVENTS),
  lang: z.string().min(2).max(10),
  body: z.string().max(MAX_LAYOUT, { error: 'validation.tooLong' }),
});

const HOST = /^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)(\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)*$/i;
export const accountInput = z.object({
  id: z.union([z.literal(''), z.uuid()]).optional(),
  host: oneLine(253).refine((v) => HOST.test(v), { error: 'email.errors.host' }),
  port: z.coerce
    .number({ error: 'email.errors.port' })
    .int({ error: 'email.errors.port' })
    .min(1, { error: 'email.errors.port' })
    .max(65535, { error: 'email.errors.port' }),
  tls: checkbox,
  username: oneLine(254).pipe(z.string().min(1, { error: 'validation.required' })),
  /** Empty on edit = keep the stored password. */
  password: z
    .string()
    .max(500, { error: 'validation.tooLong' })
    .refine((v) => !/[\r\n\u0000]/.test(v), { error: 'email.errors.oneLine' })
    .default(''),
  folder: oneLine(200).pipe(z.string().min(1, { error: 'validation.required' })),
  active: checkbox,
  afterImport: z.enum(AFTER_IMPORT),
});

export const accountIdInput = z.object({ id: z.uuid({ error: 'errors.notFound' }) });
