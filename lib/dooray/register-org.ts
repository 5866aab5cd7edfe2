import { eq, sql } from 'drizzle-orm';
import type { z } from 'zod';
import { doorayOrgs, members, serviceMembers } from '@/db/schema';
import type { ServiceCtx } from '@/lib/context';
import { ValidationError } from '@/lib/errors';
import { DOORAY_API, membersByEmail } from './api';
import { doorayOrg, orgAuth, sealTenantToken } from './config';
import { providerFieldError } from '@/lib/channels/provider-errors';
import type { registerOrgInput } from './schemas';

/**
 * 조직 등록 (or its edit): the tenant token is proved by asking Dooray for the members whose
 * e-mail equals an agent's; each match becomes that agent's user key. Nothing is written
 * unless Dooray answered.
 */
export async function registerDoorayOrg(ctx: ServiceCtx, input: z.output<typeof registerOrgInput>) {
  const serviceId = ctx.service.id;
  const existing = await doorayOrg(ctx.db, serviceId);
  const token = input.tenantToken || (existing ? orgAuth(existing).token : '');
  if (!token) throw ValidationError.field('tenantToken', 'validation.required');
  const baseUrl = input.apiBaseUrl ?? existing?.apiBaseUrl ?? DOORAY_API;
  const agents = await ctx.db
    .select({ id: serviceMembers.id, email: members.email })
    .from(serviceMembers)
    .innerJoin(members, eq(members.id, serviceMembers.memberId))
    .where(eq(serviceMembers.serviceId, serviceId));
  let keys: Map<string, string>;
  try {
    keys = await membersByEmail(
      { baseUrl, token },
      agents.map((a) => a.email),
    );
  } catch (err) {
    providerFieldError(err, 'tenantToken');
  }
  const matched = agents.flatMap((a) =>
    keys.has(a.email.toLowerCase()) ? [{ id: a.id, key: keys.get(a.email.toLowerCase())! }] : [],
  );
  await ctx.db.transaction(async (tx) => {
    const values = {
      name: input.name,
      doorayOrgId: input.doorayOrgId,
      tenantTokenSealed: sealTenantToken(serviceId, token),
      apiBaseUrl: baseUrl,
      updatedAt: new Date(),
    };
    await tx
      .insert(doorayOrgs)
      .values({ serviceId, ...values })
      .onConflictDoUpdate({ target: doorayOrgs.serviceId, set: values });
    if (matched.length) {
      // One statement for every matched agent (never one UPDATE per agent).
      const rows = sql.join(
        matched.map((m) => sql`(${m.id}::uuid, ${m.key})`),
        sql`, `,
      );
      await tx.execute(
        sql`update service_members sm set dooray_user_key = v.key, updated_at = now() from (values ${rows}) as v(id, key) where sm.id = v.id and sm.service_id = ${serviceId}`,
      );
    }
  });
  return { agents: agents.length, matched: matched.length };
}
