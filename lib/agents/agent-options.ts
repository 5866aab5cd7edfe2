import { listAgentOptions } from '@/db/queries/agents';
import type { ServiceCtx } from '@/lib/context';
import type { AgentOptionsInput } from './schemas';

/** The member picker's agents of this service, searched by name or login ID. */
export async function agentOptions(ctx: Pick<ServiceCtx, 'db' | 'service'>, input: AgentOptionsInput) {
  return listAgentOptions(ctx.db, { serviceId: ctx.service.id, q: input.q });
}
