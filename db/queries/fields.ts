import 'server-only';
import { eq } from 'drizzle-orm';
import { fields } from '@/db/schema';
import type { Db } from '@/db';

/** Every field a ticket's history may name (deleted ones too), with what it takes to show its values. */
export async function fieldDisplayDefs(db: Db, serviceId: string) {
  return db
    .select({ code: fields.code, names: fields.names, type: fields.type, options: fields.options })
    .from(fields)
    .where(eq(fields.serviceId, serviceId));
}
