import { and, eq } from 'drizzle-orm';
import { serviceMembers, services, type AgentRole, type Service, type ServiceMember } from '@/db/schema';
import type { Db } from '@/db';
import { ForbiddenError, NotFoundError } from '@/lib/errors';
import type { SessionMember } from './sessions';

// Service IDs are 3–30 lowercase letters and digits, starting with a letter (SPEC §1).
const SERVICE_ID = /^[a-z][a-z0-9]{2,29}$/;

export type Permission = 'transfer' | 'viewLogs';
export type ServiceRequirement = { role?: AgentRole; permission?: Permission };

export type ServiceAccess = {
  service: Service;
  /** The member's agent row in this service; null for an org admin who is not an agent here. */
  agent: ServiceMember | null;
  /** Effective role: org admins act as admins of every service. */
  role: AgentRole;
};

/**
 * Resolves what `member` may do in `serviceId`. A service the member cannot see is
 * "not found", exactly like one that does not exist.
 */
export async function authorizeService(
  db: Db,
  member: SessionMember,
  serviceId: string,
  need: ServiceRequirement = {},
): Promise<ServiceAccess> {
  // Only a well-formed service ID reaches SQL (a NUL byte would be a database error, not a 404).
  if (typeof serviceId !== 'string' || !SERVICE_ID.test(serviceId)) throw new NotFoundError();
  const [row] = await db
    .select({ service: services, agent: serviceMembers })
    .from(services)
    .leftJoin(serviceMembers, and(eq(serviceMembers.serviceId, services.id), eq(serviceMembers.memberId, member.id)))
    .where(eq(services.id, serviceId))
    .limit(1);
  if (!row || (!row.agent && !member.isOrgAdmin)) throw new NotFoundError();
  const role: AgentRole = member.isOrgAdmin ? 'admin' : row.agent!.role;
  if (need.role === 'admin' && role !== 'admin') throw new ForbiddenError();
  const access = { service: row.service, agent: row.agent, role };
  if (need.permission === 'transfer' && !canTransfer(access)) throw new ForbiddenError('errors.noTransferPermission');
  if (need.permission === 'viewLogs' && !canViewLogs(member, access)) throw new ForbiddenError();
  return access;
}

/**
 * 티켓 전달 권한, for every role: admins and org admins too need it on their own agent row
 * (an admin may grant it to themself on the agent screen). Not an agent here: no transfer.
 */
export function canTransfer(access: Pick<ServiceAccess, 'agent'>): boolean {
  return Boolean(access.agent?.canTransfer);
}

/** 조회 권한: org admins, and agents with the admin role whose view permission is on. */
export function canViewLogs(member: Pick<SessionMember, 'isOrgAdmin'>, access: Pick<ServiceAccess, 'agent'>): boolean {
  return member.isOrgAdmin || Boolean(access.agent && access.agent.role === 'admin' && access.agent.canViewLogs);
}

/** Services the member can open, in name order (org admins: all of them). */
export async function listAccessibleServices(db: Db, member: SessionMember): Promise<Pick<Service, 'id' | 'name'>[]> {
  if (member.isOrgAdmin) {
    return db.select({ id: services.id, name: services.name }).from(services).orderBy(services.name);
  }
  return db
    .select({ id: services.id, name: services.name })
    .from(services)
    .innerJoin(serviceMembers, eq(serviceMembers.serviceId, services.id))
    .where(eq(serviceMembers.memberId, member.id))
    .orderBy(services.name);
}
