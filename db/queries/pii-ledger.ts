import 'server-only';
import { and, desc, eq, sql, type SQL } from 'drizzle-orm';
import { piiDestructionLedger, services } from '@/db/schema';
import type { Db } from '@/lib/db';

export const LEDGER_PAGE = 50;

/** The destruction ledger across services (org admins), newest first, keyset-paginated. */
export async function listPiiDestructions(db: Db, params: { serviceId?: string; before?: { at: string; id: string } }) {
  const conds: SQL[] = [];
  if (params.serviceId) conds.push(eq(piiDestructionLedger.serviceId, params.serviceId));
  if (params.before) conds.push(sql`(${piiDestructionLedger.destroyedAt}, ${piiDestructionLedger.id}) < (${params.before.at}::timestamptz, ${params.before.id}::uuid)`);
  return db
    .select({
      id: piiDestructionLedger.id,
      serviceId: piiDestructionLedger.serviceId,
      serviceName: services.name,
      ticketNumber: piiDestructionLedger.ticketNumber,
      fieldCode: piiDestructionLedger.fieldCode,
      rule: piiDestructionLedger.rule,
      dueAt: piiDestructionLedger.dueAt,
      destroyedAt: piiDestructionLedger.destroyedAt,
      cursor: sql<string>`to_char(${piiDestructionLedger.destroyedAt} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`,
    })
    .from(piiDestructionLedger)
    .innerJoin(services, eq(services.id, piiDestructionLedger.serviceId))
    .where(conds.length ? and(...conds) : undefined)
    .orderBy(desc(piiDestructionLedger.destroyedAt), desc(piiDestructionLedger.id))
    .limit(LEDGER_PAGE + 1);
}
