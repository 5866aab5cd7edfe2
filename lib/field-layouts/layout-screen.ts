import 'server-only';
import type { Db } from '@/db';
import type { FieldAudience, Service } from '@/db/schema';
import { getCategoryTree } from '@/lib/categories/tree';
import type { CategoryNode } from '@/lib/categories/tree-build';
import { listFields } from '@/lib/fields/list-fields';
import { resolveLayout } from './resolve-layout';

/**
 * What the 필드 설정 layout tab shows: the intake types in tree order (customer fields only), the
 * chosen one, its layout, and every live field of the audience.
 */
export async function loadLayoutScreen(
  db: Db,
  service: Pick<Service, 'id' | 'languages'>,
  audience: FieldAudience,
  intakeTypeId: string | null,
) {
  const tree = audience === 'customer' ? await getCategoryTree(db, service.id, 'intake', service.languages[0]) : [];
  const intakeTypes: CategoryNode[] = [];
  const walk = (ns: CategoryNode[]) => ns.forEach((n) => (intakeTypes.push(n), walk(n.children)));
  walk(tree);
  const selected = audience === 'customer' ? (intakeTypes.find((n) => n.id === intakeTypeId) ?? null) : null;
  const [layout, fields] = await Promise.all([
    resolveLayout(db, service.id, audience, selected?.id ?? null),
    listFields(db, service.id, audience),
  ]);
  return { intakeTypes, selected, layout, fields };
}
export type LayoutScreen = Awaited<ReturnType<typeof loadLayoutScreen>>;
