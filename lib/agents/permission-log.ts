import type { ServiceCtx } from '@/lib/context';
import { recordAccess } from '@/lib/access-log/record';
import type { Queryable } from '@/db';

/** The agent settings whose changes the access log records, by their field name. */
export type PermissionField =
  'role' | 'channels' | 'canTransfer' | 'canViewLogs' | 'assignable' | 'selfControl' | 'groups';
export type PermissionValue = string | boolean | string[];

const same = (a: PermissionValue, b: PermissionValue) =>
  Array.isArray(a) && Array.isArray(b)
    ? a.length === b.length && [...a].sort().every((v, i) => v === [...b].sort()[i])
    : a === b;

/**
 * Writes one `permission_changed` row per field that differs (who changed what for whom,
 * before → after), in the caller's transaction so the log and the change commit together.
 */
export async function recordPermissionChanges(
  tx: Queryable,
  ctx: Pick<ServiceCtx, 'member' | 'service' | 'client'>,
  memberId: string,
  before: Partial<Record<PermissionField, PermissionValue>>,
  after: Partial<Record<PermissionField, PermissionValue>>,
): Promise<PermissionField[]> {
  const changed = (Object.keys(after) as PermissionField[]).filter(
    (f) => before[f] !== undefined && !same(before[f]!, after[f]!),
  );
  for (const field of changed) {
    await recordAccess(tx, {
      event: 'permission_changed',
      memberId,
      actorId: ctx.member.id,
      serviceId: ctx.service.id,
      detail: { field, before: before[field], after: after[field] },
      ip: ctx.client.ip,
      userAgent: ctx.client.userAgent,
    });
  }
  return changed;
}
