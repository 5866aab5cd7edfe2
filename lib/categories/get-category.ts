import { findCategory } from '@/db/queries/categories';
import type { Queryable } from '@/db';
import type { Category } from '@/db/schema';
import { NotFoundError } from '@/lib/errors';

/** One category of the service (see findCategory), or NotFound: another service's id is "not found". */
export async function getCategory(
  db: Queryable,
  serviceId: string,
  id: string,
  opts: { withDeleted?: boolean; lock?: 'update' | 'share' } = {},
): Promise<Category> {
  const row = await findCategory(db, serviceId, id, opts);
  if (!row) throw new NotFoundError('errors.categoryNotFound');
  return row;
}
