import type { FieldAudience } from '@/db/schema';
import type { Queryable } from '@/db';
import { TREE_BACKED } from '@/lib/fields/system-fields';
import type { FieldValue } from '@/db/values';
import type { FieldErrorRefs } from '@/lib/errors';
import type { FieldRule } from '@/lib/fields/types';
import { validateFieldValues } from '@/lib/fields/validate-value';
import { resolveLayout } from './resolve-layout';

/**
 * Validates submitted values against the layout of the chosen intake type (or the agent
 * layout): only visible fields of that layout count; errors come per field code as message
 * keys, translated where they are shown.
 * The tree-backed 접수유형 / 처리유형 are checked by the ticket verbs against the category trees.
 */
export async function validateTicketFields(
  db: Queryable,
  serviceId: string,
  audience: FieldAudience,
  intakeTypeId: string | null,
  values: Record<string, unknown>,
) {
  const layout = await resolveLayout(db, serviceId, audience, intakeTypeId);
  const shown = layout.fields.filter((f) => f.visible && !TREE_BACKED.has(f.code));
  const rules: FieldRule[] = shown.map((f) => ({
    code: f.code,
    type: f.type,
    required: f.required,
    maxLength: f.maxLength,
    options: f.options,
  }));
  const r = validateFieldValues(rules, values);
  const errors: FieldErrorRefs = r.errors;
  const entries = shown
    .filter((f) => r.values[f.code] !== undefined)
    .map((f) => ({ field: f, value: r.values[f.code] as FieldValue }));
  return { ok: Object.keys(errors).length === 0, values: r.values, entries, errors };
}
