'use server';

import { revalidatePath } from 'next/cache';
import { serviceAction } from '@/lib/actions/action';
import { addAgent } from '@/lib/agents/add-agent';
import { removeAgent } from '@/lib/agents/remove-agent';
import {
  addAgentInput,
  agentIdInput,
  agentSwitchInput,
  searchMembersInput,
  updateAgentInput,
} from '@/lib/agents/schemas';
import { searchServiceMembers } from '@/lib/agents/search-members';
import { setAgentSwitch } from '@/lib/agents/set-agent-switch';
import { updateAgent } from '@/lib/agents/update-agent';
import { inviteMember } from '@/lib/members/invite-member';
import { inviteMemberInput } from '@/lib/members/schemas';

const admin = { role: 'admin' } as const;
const refresh = (serviceId: string) => revalidatePath(`/${serviceId}/settings`, 'layout');

/** 회원 초대 from the agent screen: the same invite as org settings, logged in this service. */
export const inviteServiceMemberAction = serviceAction(inviteMemberInput, admin, async (input, ctx) => {
  const result = await inviteMember(ctx, input);
  return { ...result, email: input.email };
});

/** 상담원 검색: members by name, login ID or e-mail, a page at a time. */
export const searchMembersAction = serviceAction(searchMembersInput, admin, async (input, ctx) =>
  searchServiceMembers(ctx, input),
);

export const addAgentAction = serviceAction(addAgentInput, admin, async (input, ctx) => {
  const agent = await addAgent(ctx, input);
  refresh(ctx.service.id);
  return { id: agent.id };
});

export const updateAgentAction = serviceAction(updateAgentInput, admin, async (input, ctx) => {
  const agent = await updateAgent(ctx, input);
  refresh(ctx.service.id);
  return { id: agent.id };
});

export const removeAgentAction = serviceAction(agentIdInput, admin, async (input, ctx) => {
  const result = await removeAgent(ctx, input);
  refresh(ctx.service.id);
  return result;
});

/** 티켓 할당 / 할당 제어 switches of the list; they save at once. */
export const setAgentSwitchAction = serviceAction(agentSwitchInput, admin, async (input, ctx) => {
  const result = await setAgentSwitch(ctx, input);
  refresh(ctx.service.id);
  return result;
});
