import type { Service } from '@/db/schema';
import type { MemberCtx } from '@/lib/context';
import { ConflictError, isUniqueViolation } from '@/lib/errors';
import { insertService } from './insert-service';
import type { CreateServiceInput } from './schemas';

/** Creates a service; its ID is immutable from here on. */
export async function createService(ctx: Pick<MemberCtx, 'db'>, input: CreateServiceInput): Promise<Service> {
  try {
    return await ctx.db.transaction((tx) =>
      insertService(tx, { id: input.id, name: input.name, languages: input.languages }),
    );
  } catch (err) {
    if (isUniqueViolation(err)) throw new ConflictError('validation.serviceIdTaken', { id: input.id }, 'id');
    throw err;
  }
}
