import { findVisibleTemplate } from '@/db/queries/templates';
import type { Queryable } from '@/db';
import type { Template } from '@/db/schema';
import { NotFoundError } from '@/lib/errors';

/** One template the service sees (its own or a shared one), or NotFound. */
export async function getVisibleTemplate(
  db: Queryable,
  serviceId: string,
  id: string,
  opts: { lock?: boolean } = {},
): Promise<Template> {
  const row = await findVisibleTemplate(db, serviceId, id, opts);
  if (!row) throw new NotFoundError();
  return row;
}
