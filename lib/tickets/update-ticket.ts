import { and, eq, isNull } from 'drizzle-orm';
import { categories, TICKET_PRIORITIES } from '@/db/schema';
import type { ServiceCtx } from '@/lib/context';
import type { Queryable } from '@/db';
import { ConflictError, ValidationError } from '@/lib/errors';
import { validateTicketFields } from '@/lib/field-layouts/validate-ticket-fields';
import type { FieldValue } from '@/db/values';
import { isUuid } from '@/lib/ids';
import { readFieldValues } from '@/lib/pii/read-field-values';
import { writeFieldValues } from '@/lib/pii/write-field-values';
import { changeTicket } from './change';
import { COLUMN_CODES } from './create-ticket';
import type { UpdateTicketInput } from './schemas';

async function livePath(
  db: Queryable,
  serviceId: string,
  kind: 'intake' | 'processing',
  id: string,
  field: string,
): Promise<string> {
  if (!isUuid(id)) throw ValidationError.field(field, 'validation.categoryUnknown');
  const [row] = await db
    .select({ path: categories.path })
    .from(categories)
    .where(
      and(
        eq(categories.serviceId, serviceId),
        eq(categories.kind, kind),
        eq(categories.id, id),
        isNull(categories.deletedAt),
      ),
    );
  if (!row) throw ValidationError.field(field, 'validation.categoryUnknown');
  return row.path;
}

/**
 * Saves the agent part of the processing screen: 접수유형 / 처리유형 and the agent-field layout
 * (priority included), validated against that layout. Encrypted values are written as
 * ciphertext and appear in history only as "changed".
 */
export async function updateTicket(ctx: ServiceCtx, input: UpdateTicketInput) {
  return changeTicket(ctx, input.ticketId, input.version, async ({ row }, tx) => {
    if (row.spam || row.status === 'closed') throw new ConflictError('errors.ticketStatus');
    const intakeTypeId = input.intakeTypeId === undefined ? row.intakeTypeId : input.intakeTypeId || null;
    const r = await validateTicketFields(tx, ctx.service.id, 'agent', intakeTypeId, input.values);
    if (!r.ok) throw new ValidationError(r.errors);
    const set: Record<string, unknown> = {};
    if (input.intakeTypeId !== undefined && intakeTypeId !== row.intakeTypeId) {
      set.intakeTypeId = intakeTypeId;
      set.intakeTypePath = intakeTypeId ? await livePath(tx, ctx.service.id, 'intake', intakeTypeId, 'category') : null;
    }
    if (input.processingTypeId !== undefined) {
      const id = input.processingTypeId || null;
      if (id !== row.processingTypeId) {
        set.processingTypeId = id;
        set.processingTypePath = id ? await livePath(tx, ctx.service.id, 'processing', id, 'processingType') : null;
      }
    }
    const priority = r.values.priority;
    if (
      typeof priority === 'string' &&
      (TICKET_PRIORITIES as readonly string[]).includes(priority) &&
      priority !== row.priority
    )
      set.priority = priority;
    const submitted = r.entries.filter((e) => !COLUMN_CODES.has(e.field.code));
    // Only values that differ are written: an encrypted one is compared after decrypting, so
    // history says "changed" exactly when it was.
    const stored = submitted.some((e) => e.field.encrypted)
      ? await readFieldValues(tx, ctx.service.id, row.id, { reveal: true })
      : {};
    const entries = submitted.filter(
      (e) => !e.field.encrypted || JSON.stringify(stored[e.field.code]?.value ?? null) !== JSON.stringify(e.value),
    );
    await writeFieldValues(tx, row, entries);
    const fields: Record<string, FieldValue | null> = {};
    const masked: string[] = [];
    for (const e of entries) {
      if (e.field.encrypted) masked.push(e.field.code);
      else fields[e.field.code] = e.value;
    }
    return { event: 'updated', set, fields, maskedFields: masked };
  });
}
