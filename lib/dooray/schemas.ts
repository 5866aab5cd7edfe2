import { z } from 'zod';
import { formCheckbox } from '@/lib/actions/form-data';
import { optionalOutboundUrl, outboundUrl } from '@/lib/net/addresses';

const uuid = z.uuid('validation.required');
const text = (max: number) => z.string().trim().min(1, 'validation.required').max(max, 'validation.tooLong');
/** Dooray ids are long numbers; letters, digits, '-' and '_' are accepted, nothing that could bend a URL path. */
const doorayId = z
  .string()
  .trim()
  .min(1, 'validation.required')
  .max(64, 'validation.tooLong')
  .regex(/^[A-Za-z0-9_-]+$/, 'channels.dooray.errors.id');

export const doorayStateInput = z.object({ enabled: formCheckbox, paused: formCheckbox });
export type DoorayStateInput = z.output<typeof doorayStateInput>;
export const serviceOnlyInput = z.object({});

export const registerOrgInput = z.object({
  name: text(100),
  doorayOrgId: doorayId,
  /** Empty when editing: the sealed token stays. */
  tenantToken: z.string().trim().max(1000, 'validation.tooLong').optional().default(''),
  apiBaseUrl: optionalOutboundUrl,
});

export const registerProjectInput = z.object({
  name: text(100),
  address: outboundUrl,
  doorayProjectId: doorayId,
  registrantId: uuid,
});

export const projectIdInput = z.object({ projectId: uuid });
export type ProjectIdInput = z.output<typeof projectIdInput>;
export const agentIdInput = z.object({ agentId: uuid });
export type DoorayAgentIdInput = z.output<typeof agentIdInput>;

export const transferInput = z.object({
  ticketId: uuid,
  version: z.coerce.number().int().positive(),
  projectId: uuid,
  subject: text(200),
  body: text(20000),
});

export const commentInput = z.object({ ticketId: uuid, body: text(10000) });
