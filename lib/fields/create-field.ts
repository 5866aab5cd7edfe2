import { fields, type Field } from '@/db/schema';
import type { ServiceCtx } from '@/lib/context';
import { ConflictError, isUniqueViolation, ValidationError } from '@/lib/errors';
import { checkDefinition } from './check-definition';
import type { CreateFieldInput } from './schemas';
import { RESERVED_CODES, SYSTEM_CODES } from './system-fields';

/** Adds a custom field. Its code is taken for good: the database refuses any code used before. */
export async function createField(ctx: Pick<ServiceCtx, 'db' | 'service'>, input: CreateFieldInput): Promise<Field> {
  const taken = () => new ConflictError('validation.fieldCodeTaken', { code: input.code }, 'code');
  if ([...SYSTEM_CODES].some((c) => c.toLowerCase() === input.code.toLowerCase())) throw taken();
  if (RESERVED_CODES.has(input.code.toLowerCase()))
    throw ValidationError.field('code', 'fieldRules.codeReserved', { code: input.code });
  const def = checkDefinition(input, input.type, input.code, ctx.service.languages);
  try {
    const [field] = await ctx.db
      .insert(fields)
      .values({
        ...def,
        serviceId: ctx.service.id,
        audience: input.audience,
        type: input.type,
        code: input.code,
        isSystem: false,
      })
      .returning();
    return field;
  } catch (err) {
    if (isUniqueViolation(err, 'fields_service_code_uq')) throw taken();
    throw err;
  }
}
