import 'server-only';
import { and, desc, eq, type SQL } from 'drizzle-orm';
import { beforeCursor, cursorTime, type TimeCursor } from '@/db/pagination';
import { piiDestructionLedger, services } from '@/db/schema';
import type { Db } from '@/db';

export const LEDGER_PAGE = 50;

/** The destruction ledger across services (org admins), newest first, keyset-paginated. */
export async function listPiiDestructions(db: Db, params: { serviceId?: string; before?: TimeCursor }) {
  const conds: SQL[] = [];
  if (params.serviceId) conds.push(eq(piiDestructionLedger.serviceId, params.serviceId));
  if (params.before) conds.push(beforeCursor(piiDestructionLedger.destroyedAt, piiDestructionLedger.id, params.before));
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
      cursor: cursorTime(piiDestructionLedger.destroyedAt),
    })
    .from(piiDestructionLedger)
    .innerJoin(services, eq(services.id, piiDestructionLedger.serviceId))
    .where(conds.length ? and(...conds) : undefined)
    .orderBy(desc(piiDestructionLedger.destroyedAt), desc(piiDestructionLedger.id))
    .limit(LEDGER_PAGE + 1);
}
