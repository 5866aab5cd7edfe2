import type { Template } from '@/db/schema';
import type { ServiceCtx } from '@/lib/context';

/**
 * Who may change a template (its content, scope or removal): 전용 — admins of its service;
 * 공용 — org admins, and admins of the service that created it. Linking a visible template to
 * this service's processing types is a separate right of this service's admins.
 */
export function canEditTemplate(
  ctx: Pick<ServiceCtx, 'member' | 'service' | 'role'>,
  t: Pick<Template, 'serviceId' | 'scope'>,
): boolean {
  if (ctx.role !== 'admin') return false;
  if (t.serviceId === ctx.service.id) return true;
  return t.scope === 'shared' && ctx.member.isOrgAdmin;
}
