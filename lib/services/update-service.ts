import { eq } from 'drizzle-orm';
import { services, type Service } from '@/db/schema';
import type { MemberCtx } from '@/lib/context';
import { NotFoundError } from '@/lib/errors';
import type { UpdateServiceInput } from './schemas';

/** Saves a service's org-level settings (name, help-center languages, editor type, SMS). */
export async function updateService(ctx: Pick<MemberCtx, 'db'>, input: UpdateServiceInput): Promise<Service> {
  const [service] = await ctx.db
    .update(services)
    .set({
      name: input.name,
      languages: input.languages,
      editorType: input.editorType,
      smsEnabled: input.smsEnabled,
      updatedAt: new Date(),
    })
    .where(eq(services.id, input.serviceId))
    .returning();
  if (!service) throw new NotFoundError();
  return service;
}
