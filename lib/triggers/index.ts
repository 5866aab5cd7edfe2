import type { Queryable } from '@/lib/db';
import type { ChangeActor, TicketChange, TicketSnapshot, TriggerChange } from '@/lib/tickets/types';

export type TriggerOutcome = {
  /** The ticket as the last trigger of the pass left it. */
  draft: TicketSnapshot;
  /** Each field change a result made, in order, for history. */
  changes: TriggerChange[];
};

/**
 * The trigger hook of `recordTicketChange` (DESIGN.md §2.3, §4): runs the service's active
 * triggers over one change in the caller's transaction, persists the pass and enqueues the
 * deliveries. Until the triggers issue plugs the engine in, nothing fires.
 */
export async function runTicketTriggers(_tx: Queryable, input: { serviceId: string; actor: ChangeActor; change: TicketChange }): Promise<TriggerOutcome> {
  return { draft: input.change.after, changes: [] };
}
