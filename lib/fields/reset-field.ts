import { eq } from 'drizzle-orm';
import { fields, type Field } from '@/db/schema';
import type { ServiceCtx } from '@/lib/context';
import { ConflictError } from '@/lib/errors';
import { assertNoOpenRun, startFieldCrypto } from '@/lib/pii/field-crypto';
import { rescheduleFieldDestruction } from '@/lib/pii/reschedule-field';
import { loadFieldForUpdate } from './load-field';
import { systemFieldRows } from './system-fields';
import type { FieldIdInput } from './schemas';

/** 초기화: puts a system field back to the state every new service gets. */
export async function resetField(ctx: Pick<ServiceCtx, 'db' | 'service'>, { fieldId }: FieldIdInput): Promise<Field> {
  return ctx.db.transaction(async (tx) => {
    const f = await loadFieldForUpdate(tx, ctx.service.id, fieldId);
    const original = systemFieldRows(ctx.service.id).find((r) => r.code === f.code);
    if (!f.isSystem || !original) throw new ConflictError('errors.fieldNotSystem');
    if ((original.encrypted ?? false) !== f.encrypted) await assertNoOpenRun(tx, f.id);
    const [field] = await tx
      .update(fields)
      .set({
        names: original.names,
        descriptions: original.descriptions ?? {},
        placeholders: original.placeholders ?? {},
        visible: original.visible ?? true,
        required: original.required ?? false,
        encrypted: original.encrypted ?? false,
        destroyAfterDays: null,
        destroyBasis: null,
        options: original.options ?? [],
        maxLength: original.maxLength ?? 0,
        defaultValue: original.defaultValue ?? null,
        updatedAt: new Date(),
      })
      .where(eq(fields.id, f.id))
      .returning();
    if (f.destroyAfterDays !== null) await rescheduleFieldDestruction(tx, field.id);
    if (f.encrypted !== field.encrypted) await startFieldCrypto(tx, field);
    return field;
  });
}
