import { and, eq, notInArray } from 'drizzle-orm';
import { templateLinks } from '@/db/schema';
import type { Tx } from '@/db';

/** Makes the template's links in this service exactly `categoryIds` (already checked). */
export async function setTemplateLinks(
  tx: Tx,
  serviceId: string,
  templateId: string,
  categoryIds: string[],
): Promise<void> {
  const mine = and(eq(templateLinks.serviceId, serviceId), eq(templateLinks.templateId, templateId));
  await tx
    .delete(templateLinks)
    .where(categoryIds.length ? and(mine, notInArray(templateLinks.categoryId, categoryIds)) : mine);
  if (categoryIds.length) {
    await tx
      .insert(templateLinks)
      .values(categoryIds.map((categoryId) => ({ templateId, categoryId, serviceId })))
      .onConflictDoNothing();
  }
}
