import type { ServiceCtx } from '@/lib/context';
import { ForbiddenError } from '@/lib/errors';

/**
 * An org admin's agent row is changed or removed only by an org admin: a service admin
 * must not be able to act against someone who manages the whole organization.
 */
export function assertMayManage(ctx: Pick<ServiceCtx, 'member'>, target: { isOrgAdmin: boolean }): void {
  if (target.isOrgAdmin && !ctx.member.isOrgAdmin) throw new ForbiddenError('errors.agents.orgAdminOnly');
}
