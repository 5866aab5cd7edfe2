import { sql } from 'drizzle-orm';
import type { Queryable } from '@/db';
import { appTimeZone } from './time-zone';

export type Dashboard = {
  agents: number;
  receivedToday: number;
  unassignedToday: number;
  unassignedTotal: number;
  received24h: number;
  processed24h: number;
  myOpen: number;
  myPending: number;
  myDooray: number;
};

/**
 * The dashboard figures of SPEC §2 in one round trip. "Today" is the calendar day in the
 * app's time zone; the processing rate is the share of the last 24 hours' tickets that are
 * now solved or completed. Each count is answered by one of the list indexes.
 */
export async function dashboard(db: Queryable, serviceId: string, memberId: string): Promise<Dashboard> {
  const tz = appTimeZone();
  const r = await db.execute<Dashboard>(sql`
    WITH bounds AS (SELECT (date_trunc('day', now() AT TIME ZONE ${tz}) AT TIME ZONE ${tz}) AS today, now() - interval '24 hours' AS day_ago)
    SELECT
      (SELECT count(*)::int FROM service_members sm JOIN members m ON m.id = sm.member_id WHERE sm.service_id = ${serviceId} AND 'ticket' = ANY(sm.channels) AND m.status = 'active') AS "agents",
      (SELECT count(*)::int FROM tickets, bounds WHERE service_id = ${serviceId} AND created_at >= bounds.today) AS "receivedToday",
      (SELECT count(*)::int FROM tickets, bounds WHERE service_id = ${serviceId} AND spam = false AND status = 'new' AND created_at >= bounds.today) AS "unassignedToday",
      (SELECT count(*)::int FROM tickets WHERE service_id = ${serviceId} AND spam = false AND status = 'new') AS "unassignedTotal",
      (SELECT count(*)::int FROM tickets, bounds WHERE service_id = ${serviceId} AND spam = false AND created_at >= bounds.day_ago) AS "received24h",
      (SELECT count(*)::int FROM tickets, bounds WHERE service_id = ${serviceId} AND spam = false AND created_at >= bounds.day_ago AND status IN ('solved', 'closed')) AS "processed24h",
      (SELECT count(*)::int FROM tickets WHERE service_id = ${serviceId} AND assignee_id = ${memberId} AND status = 'open' AND spam = false) AS "myOpen",
      (SELECT count(*)::int FROM tickets WHERE service_id = ${serviceId} AND assignee_id = ${memberId} AND status = 'pending' AND spam = false) AS "myPending",
      (SELECT count(*)::int FROM tickets WHERE service_id = ${serviceId} AND assignee_id = ${memberId} AND status IN ('dooray_transferred', 'dooray_working') AND spam = false) AS "myDooray"
  `);
  return r.rows[0];
}
