import { services, type Service } from '@/db/schema';
import type { MemberCtx } from '@/lib/actions/context';
import { ConflictError, isUniqueViolation } from '@/lib/errors';
import type { CreateServiceInput } from './schemas';

/** Creates a service; its ID is immutable from here on. */
export async function createService(ctx: Pick<MemberCtx, 'db'>, input: CreateServiceInput): Promise<Service> {
  try {
    return await ctx.db.transaction(async (tx) => {
      const [service] = await tx.insert(services).values({ id: input.id, name: input.name, languages: input.languages }).returning();
      return service;
    });
  } catch (err) {
    if (isUniqueViolation(err)) throw new ConflictError('validation.serviceIdTaken', { id: input.id }, 'id');
    throw err;
  }
}
