import 'server-only';
import { desc, eq } from 'drizzle-orm';
import { fieldCryptoRuns, type FieldCryptoRun } from '@/db/schema';
import type { Queryable } from '@/db';

/** Each field's latest 암호화 run in a service (one query), by field id. */
export async function latestCryptoRuns(db: Queryable, serviceId: string): Promise<Map<string, FieldCryptoRun>> {
  const rows = await db
    .selectDistinctOn([fieldCryptoRuns.fieldId])
    .from(fieldCryptoRuns)
    .where(eq(fieldCryptoRuns.serviceId, serviceId))
    .orderBy(fieldCryptoRuns.fieldId, desc(fieldCryptoRuns.createdAt));
  return new Map(rows.map((r) => [r.fieldId, r]));
}
