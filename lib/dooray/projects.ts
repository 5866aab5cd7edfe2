import { and, eq } from 'drizzle-orm';
import type { z } from 'zod';
import { doorayProjects, serviceMembers } from '@/db/schema';
import type { ServiceCtx } from '@/lib/context';
import { ProviderError } from '@/lib/channels/provider';
import { ConflictError, NotFoundError, ValidationError, isUniqueViolation } from '@/lib/errors';
import { getProject } from './api';
import { doorayOrg, orgAuth } from './config';
import { providerFieldError } from '@/lib/channels/provider-errors';
import type { ProjectIdInput, registerProjectInput } from './schemas';

/**
 * 프로젝트 등록: the project must belong to the registered organization (Dooray is asked), and
 * the representative registrant must be an agent of this service.
 */
export async function registerDoorayProject(ctx: ServiceCtx, input: z.output<typeof registerProjectInput>) {
  const serviceId = ctx.service.id;
  const org = await doorayOrg(ctx.db, serviceId);
  if (!org) throw ValidationError.field('doorayProjectId', 'channels.dooray.errors.noOrg');
  const [registrant] = await ctx.db
    .select({ id: serviceMembers.memberId })
    .from(serviceMembers)
    .where(and(eq(serviceMembers.serviceId, serviceId), eq(serviceMembers.memberId, input.registrantId)));
  if (!registrant) throw ValidationError.field('registrantId', 'channels.dooray.errors.registrant');
  try {
    const p = await getProject(orgAuth(org), input.doorayProjectId);
    const owner = p?.organization?.id;
    if (owner !== undefined && String(owner) !== org.doorayOrgId)
      throw ValidationError.field('doorayProjectId', 'channels.dooray.errors.otherOrg');
  } catch (err) {
    if (err instanceof ProviderError && (err.status === 404 || err.status === 403))
      throw ValidationError.field('doorayProjectId', 'channels.dooray.errors.projectNotFound');
    providerFieldError(err, 'doorayProjectId');
  }
  try {
    const [row] = await ctx.db
      .insert(doorayProjects)
      .values({
        serviceId,
        name: input.name,
        address: input.address,
        doorayProjectId: input.doorayProjectId,
        registrantId: input.registrantId,
      })
      .returning();
    return row;
  } catch (err) {
    if (isUniqueViolation(err, 'dooray_projects_service_project_uq'))
      throw new ConflictError('channels.dooray.errors.projectTaken', undefined, 'doorayProjectId');
    throw err;
  }
}

/** Removes a project from the list; tasks already transferred keep their link and conversation. */
export async function deleteDoorayProject(ctx: ServiceCtx, { projectId }: ProjectIdInput) {
  const [row] = await ctx.db
    .delete(doorayProjects)
    .where(and(eq(doorayProjects.serviceId, ctx.service.id), eq(doorayProjects.id, projectId)))
    .returning({ id: doorayProjects.id });
  if (!row) throw new NotFoundError();
  return row;
}
