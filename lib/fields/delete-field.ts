import { eq } from 'drizzle-orm';
import { fields } from '@/db/schema';
import type { ServiceCtx } from '@/lib/context';
import { ConflictError } from '@/lib/errors';
import { removeFieldFromLayouts } from '@/lib/field-layouts/save-layout';
import { loadFieldForUpdate } from './load-field';
import type { FieldIdInput } from './schemas';

/**
 * Deletes a custom field. The row stays, marked deleted, so its code can never be used
 * again; system fields are reset instead.
 */
export async function deleteField(ctx: Pick<ServiceCtx, 'db' | 'service'>, { fieldId }: FieldIdInput) {
  return ctx.db.transaction(async (tx) => {
    const f = await loadFieldForUpdate(tx, ctx.service.id, fieldId);
    if (f.isSystem) throw new ConflictError('errors.fieldSystemDelete');
    await tx.update(fields).set({ deletedAt: new Date(), updatedAt: new Date() }).where(eq(fields.id, f.id));
    await removeFieldFromLayouts(tx, ctx.service.id, f.id);
    return { id: f.id, code: f.code };
  });
}
