import { and, eq } from 'drizzle-orm';
import { members, serviceMembers } from '@/db/schema';
import type { ServiceCtx } from '@/lib/context';
import { NotFoundError, ValidationError } from '@/lib/errors';
import { membersByEmail } from './api';
import { doorayOrg, orgAuth } from './config';
import { providerFieldError } from '@/lib/channels/provider-errors';
import type { DoorayAgentIdInput } from './schemas';

/** 유저키 생성 for one agent (added after 조직 등록): their Dooray member id, found by their e-mail. */
export async function generateUserKey(ctx: ServiceCtx, { agentId }: DoorayAgentIdInput): Promise<string> {
  const [agent] = await ctx.db
    .select({ id: serviceMembers.id, email: members.email })
    .from(serviceMembers)
    .innerJoin(members, eq(members.id, serviceMembers.memberId))
    .where(and(eq(serviceMembers.serviceId, ctx.service.id), eq(serviceMembers.id, agentId)));
  if (!agent) throw new NotFoundError();
  const org = await doorayOrg(ctx.db, ctx.service.id);
  if (!org) throw ValidationError.field('userKey', 'channels.dooray.errors.noOrg');
  let keys: Map<string, string>;
  try {
    keys = await membersByEmail(orgAuth(org), [agent.email]);
  } catch (err) {
    providerFieldError(err, 'userKey');
  }
  const key = keys.get(agent.email.toLowerCase());
  if (!key) throw ValidationError.field('userKey', 'channels.dooray.errors.noMember', { email: agent.email });
  await ctx.db
    .update(serviceMembers)
    .set({ doorayUserKey: key, updatedAt: new Date() })
    .where(and(eq(serviceMembers.serviceId, ctx.service.id), eq(serviceMembers.id, agent.id)));
  return key;
}
