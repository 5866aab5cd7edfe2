'use server';

import { revalidatePath } from 'next/cache';
import { serviceAction } from '@/lib/actions/action';
import { agentOptions } from '@/lib/agents/agent-options';
import { agentOptionsInput } from '@/lib/agents/schemas';
import { createGroup } from '@/lib/groups/create-group';
import { deleteGroup } from '@/lib/groups/delete-group';
import { groupUsage } from '@/lib/groups/group-references';
import { createGroupInput, groupIdInput, updateGroupInput } from '@/lib/groups/schemas';
import { updateGroup } from '@/lib/groups/update-group';

const admin = { role: 'admin' } as const;
const refresh = (serviceId: string) => revalidatePath(`/${serviceId}/settings`, 'layout');

export const createGroupAction = serviceAction(createGroupInput, admin, async (input, ctx) => {
  const group = await createGroup(ctx, input);
  refresh(ctx.service.id);
  return { id: group.id, name: group.name };
});

export const updateGroupAction = serviceAction(updateGroupInput, admin, async (input, ctx) => {
  const group = await updateGroup(ctx, input);
  refresh(ctx.service.id);
  return { id: group.id, name: group.name };
});

export const deleteGroupAction = serviceAction(groupIdInput, admin, async (input, ctx) => {
  const result = await deleteGroup(ctx, input);
  refresh(ctx.service.id);
  return result;
});

/** What refers to a group, for the delete confirmation. */
export const groupUsageAction = serviceAction(groupIdInput, admin, async (input, ctx) => groupUsage(ctx, input));

/** The member picker's agent list, searched by name or login ID. */
export const agentOptionsAction = serviceAction(agentOptionsInput, admin, async (input, ctx) =>
  agentOptions(ctx, input),
);
