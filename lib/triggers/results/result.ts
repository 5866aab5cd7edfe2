import type { z } from 'zod';
import type { TicketSnapshot } from '@/lib/tickets/types';
import type { BuildContext, DeliveryRequest } from '../deliveries/context';
import type { Applied, Effect, Env } from '../types';

/** What a result sees when its trigger fires. */
export type ResultContext = { draft: TicketSnapshot; env: Env; triggerId: string; index: number };

/** A result type (결과): its settings schema (checked on save) and what it does when its trigger fires. */
export type ResultModule<S extends { type: string } = { type: string } & Record<string, unknown>> = {
  type: S['type'];
  schema: z.ZodType<S>;
  /** 'change' results edit the draft at once; 'effect' results are delivered after commit. */
  kind: 'change' | 'effect';
  apply: (settings: S, ctx: ResultContext) => Applied;
  /** An effect addressed by role (담당자, 그룹) goes to whoever holds it at the end of the pass (SPEC §6). */
  followsFinalTicket?: (settings: S) => boolean;
  /** For effects: the deliveries one firing makes (rendered now; none when there is no one to send to). */
  build?: (settings: S, ctx: BuildContext, effect: Effect) => Promise<DeliveryRequest[]>;
};
