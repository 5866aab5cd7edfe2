import { and, eq, isNull, sql } from 'drizzle-orm';
import { fieldLayouts, fields, type FieldAudience } from '@/db/schema';
import type { ServiceCtx } from '@/lib/context';
import type { Queryable } from '@/db';
import { getCategory } from '@/lib/categories/get-category';
import { NotFoundError, ValidationError } from '@/lib/errors';
import { LAYOUT_REQUIRED } from '@/lib/fields/system-fields';
import { PINNED_FIRST, PINNED_LAST } from './pinned';
import type { RemoveOwnLayoutInput } from './schemas';

export type SaveLayoutInput = { audience: FieldAudience; intakeTypeId: string | null; fieldIds: string[] };

/**
 * Saves one layout's ordered field list (creating the intake type's own list if it had none).
 * Every id must be a live field of this service and audience, each once; pinned fields must
 * be present and in their place.
 */
export async function saveLayout(ctx: Pick<ServiceCtx, 'db' | 'service'>, input: SaveLayoutInput) {
  return ctx.db.transaction(async (tx) => {
    if (input.audience === 'agent' && input.intakeTypeId)
      throw ValidationError.field('intakeTypeId', 'validation.invalid');
    if (input.intakeTypeId) {
      const c = await getCategory(tx, ctx.service.id, input.intakeTypeId);
      if (c.kind !== 'intake') throw new NotFoundError('errors.categoryNotFound');
    }
    if (new Set(input.fieldIds).size !== input.fieldIds.length)
      throw ValidationError.field('fieldIds', 'validation.layoutDuplicate');
    const live = await tx
      .select({ id: fields.id, code: fields.code })
      .from(fields)
      .where(and(eq(fields.serviceId, ctx.service.id), eq(fields.audience, input.audience), isNull(fields.deletedAt)));
    const byId = new Map(live.map((f) => [f.id, f.code]));
    if (input.fieldIds.some((id) => !byId.has(id))) throw new NotFoundError('errors.fieldNotFound');
    const codes = input.fieldIds.map((id) => byId.get(id)!);
    const first = PINNED_FIRST[input.audience];
    const last = PINNED_LAST[input.audience];
    const pinnedOk =
      first.every((c, i) => codes[i] === c) && last.every((c, i) => codes[codes.length - last.length + i] === c);
    if (!pinnedOk) throw ValidationError.field('fieldIds', 'validation.layoutPinned');
    if (input.audience === 'customer' && !LAYOUT_REQUIRED.every((c) => codes.includes(c)))
      throw ValidationError.field('fieldIds', 'fieldRules.layoutRequired');
    const [row] = await tx
      .insert(fieldLayouts)
      .values({
        serviceId: ctx.service.id,
        audience: input.audience,
        intakeTypeId: input.intakeTypeId,
        fieldIds: input.fieldIds,
      })
      .onConflictDoUpdate({
        target: [fieldLayouts.serviceId, fieldLayouts.audience, fieldLayouts.intakeTypeId],
        set: { fieldIds: input.fieldIds, updatedAt: new Date() },
      })
      .returning();
    return row;
  });
}

/** Drops an intake type's own list, so it inherits again. */
export async function removeOwnLayout(ctx: Pick<ServiceCtx, 'db' | 'service'>, { intakeTypeId }: RemoveOwnLayoutInput) {
  await ctx.db
    .delete(fieldLayouts)
    .where(
      and(
        eq(fieldLayouts.serviceId, ctx.service.id),
        eq(fieldLayouts.audience, 'customer'),
        eq(fieldLayouts.intakeTypeId, intakeTypeId),
      ),
    );
}

/** Takes a deleted field out of every layout of its service (called in the delete transaction). */
export async function removeFieldFromLayouts(tx: Queryable, serviceId: string, fieldId: string) {
  await tx
    .update(fieldLayouts)
    .set({ fieldIds: sql`array_remove(${fieldLayouts.fieldIds}, ${fieldId}::uuid)`, updatedAt: new Date() })
    .where(and(eq(fieldLayouts.serviceId, serviceId), sql`${fieldId}::uuid = ANY(${fieldLayouts.fieldIds})`));
}
