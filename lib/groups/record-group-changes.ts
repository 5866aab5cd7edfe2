import { groupNamesByAgent } from '@/db/queries/groups';
import type { ServiceCtx } from '@/lib/context';
import { recordPermissionChanges } from '@/lib/agents/permission-log';
import type { Queryable } from '@/db';

/**
 * Logs the group change of each agent who joined or left a group, as `groups` before →
 * after, like an edit on the agent screen does. Call after the membership rows changed.
 */
export async function recordGroupChanges(
  tx: Queryable,
  ctx: ServiceCtx,
  agents: { id: string; memberId: string }[],
  before: Map<string, string[]>,
) {
  if (agents.length === 0) return;
  const after = await groupNamesByAgent(
    tx,
    ctx.service.id,
    agents.map((a) => a.id),
  );
  for (const a of agents) {
    await recordPermissionChanges(
      tx,
      ctx,
      a.memberId,
      { groups: before.get(a.id) ?? [] },
      { groups: after.get(a.id) ?? [] },
    );
  }
}
