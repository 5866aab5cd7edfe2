import { eq } from 'drizzle-orm';
import { fields, type Field } from '@/db/schema';
import type { ServiceCtx } from '@/lib/context';
import { assertNoOpenRun, startFieldCrypto } from '@/lib/pii/field-crypto';
import { rescheduleFieldDestruction } from '@/lib/pii/reschedule-field';
import { checkDefinition } from './check-definition';
import { loadFieldForUpdate } from './load-field';
import type { UpdateFieldInput } from './schemas';

/** Edits a field's definition; its code, type and audience never change (stored values depend on them). */
export async function updateField(ctx: Pick<ServiceCtx, 'db' | 'service'>, input: UpdateFieldInput): Promise<Field> {
  return ctx.db.transaction(async (tx) => {
    const current = await loadFieldForUpdate(tx, ctx.service.id, input.fieldId);
    const def = checkDefinition(input, current.type, current.code, ctx.service.languages);
    if (def.encrypted !== current.encrypted) await assertNoOpenRun(tx, current.id);
    const [field] = await tx
      .update(fields)
      .set({ ...def, updatedAt: new Date() })
      .where(eq(fields.id, current.id))
      .returning();
    if (current.destroyAfterDays !== field.destroyAfterDays || current.destroyBasis !== field.destroyBasis)
      await rescheduleFieldDestruction(tx, field.id);
    // Values stored so far follow the new setting in a background run (progress on the field screen).
    if (current.encrypted !== field.encrypted) await startFieldCrypto(tx, field);
    return field;
  });
}
