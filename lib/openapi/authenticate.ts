import ipaddr from 'ipaddr.js';
import { sql } from 'drizzle-orm';
import { organizations } from '@/db/schema';
import type { Db } from '@/db';
import { clientIp } from '@/lib/rate-limit/client-ip';
import { CONFIG_COLUMNS, CONFIG_JOINS, configFromRow, type ConfigRow, type ServiceConfig } from '@/lib/services/config';
import { ApiRefusal, RESULT } from './envelope';
import { openKey } from './keys';
import { canonicalMessage, FUTURE_SKEW_MS, signatureMatches, TIMESTAMP_WINDOW_MS } from './signature';

const holder = globalThis as unknown as { __contactDeskOrgId?: string };

/** The organization id that starts every signed message (the original's "NHN Cloud 조직ID"); immutable, read once. */
export async function organizationId(db: Db): Promise<string> {
  if (holder.__contactDeskOrgId) return holder.__contactDeskOrgId;
  const [org] = await db.select({ id: organizations.id }).from(organizations).limit(1);
  if (!org) throw new Error('no organization');
  holder.__contactDeskOrgId = org.id;
  return org.id;
}

/** Whether `ip` falls in one of the CIDRs (IPv4-mapped IPv6 compared as IPv4). */
export function ipAllowed(ip: string | null, cidrs: readonly string[]): boolean {
  if (!cidrs.length) return true;
  if (!ip || !ipaddr.isValid(ip)) return false;
  const addr = ipaddr.process(ip);
  return cidrs.some((c) => {
    try {
      const [range, bits] = ipaddr.parseCIDR(c);
      return addr.kind() === range.kind() && addr.match(range, bits);
    } catch {
      return false;
    }
  });
}

/** The caller, with its service's configuration read in the same statement (lib/services/config.ts). */
export type ApiCaller = { serviceId: string; keyId: string; config: ServiceConfig };

type Row = ConfigRow & {
  service_id: string | null;
  enabled: boolean | null;
  allowed_cidrs: string[] | null;
  per_minute: number | null;
  keys: { id: string; sealed: string }[] | null;
};

/**
 * Authenticates an Open API request (integrations.md §1.10) and counts it, refusing with the
 * original's codes: unknown service 404; no key / API off 403 "securityKey is null"; missing
 * Authorization, non-numeric, expired or future timestamp, wrong signature, replay 400; address
 * outside the allow-list 403; over the per-key rate limit 429 with Retry-After. The replay
 * check, the per-day use count and the rate limit are one statement outside any transaction.
 */
export async function authenticate(
  db: Db,
  req: Request,
  input: { serviceId: string; uri: string; params: Record<string, string>; body: string },
): Promise<ApiCaller> {
  // Only a well-formed service ID reaches SQL (a NUL byte there was a 500).
  if (typeof input.serviceId !== 'string' || !/^[a-z][a-z0-9]{2,29}$/.test(input.serviceId))
    throw new ApiRefusal(RESULT.notFound, 'Not Found');
  const [row] = (
    await db.execute<Row>(sql`
      SELECT s.id AS service_id, a.enabled, a.allowed_cidrs, a.rate_limit_per_minute AS per_minute, ${sql.raw(CONFIG_COLUMNS)},
        (SELECT json_agg(json_build_object('id', k.id, 'sealed', k.sealed)) FROM api_keys k
          WHERE k.service_id = s.id AND k.revoked_at IS NULL AND (k.expires_at IS NULL OR k.expires_at > now())) AS keys
      FROM (SELECT ${input.serviceId}::text AS sid) p
      LEFT JOIN services s ON s.id = p.sid
      LEFT JOIN api_settings a ON a.service_id = s.id ${sql.raw(CONFIG_JOINS)}`)
  ).rows;
  if (!row?.service_id) throw new ApiRefusal(RESULT.notFound, 'Not Found');
  if (!row.enabled || !row.keys?.length) throw new ApiRefusal(RESULT.denied, 'securityKey is null');

  const authorization = req.headers.get('authorization')?.trim();
  if (!authorization) throw new ApiRefusal(RESULT.badRequest, 'Authorization is blank');
  const ts = req.headers.get('x-tc-timestamp')?.trim() ?? '';
  if (!/^\d{1,15}$/.test(ts)) throw new ApiRefusal(RESULT.badRequest, 'X-TC-Timestamp is not numeric');
  const age = Date.now() - Number(ts);
  if (age > TIMESTAMP_WINDOW_MS) throw new ApiRefusal(RESULT.badRequest, 'X-TC-Timestamp expired');
  if (age < -FUTURE_SKEW_MS) throw new ApiRefusal(RESULT.badRequest, 'X-TC-Timestamp is in the future');

  if (!ipAllowed(clientIp(req.headers), row.allowed_cidrs ?? []))
    throw new ApiRefusal(RESULT.denied, 'clientIp not allowed');

  const message = canonicalMessage({
    orgId: await organizationId(db),
    uri: input.uri,
    params: input.params,
    body: input.body,
    timestamp: ts,
  });
  // During a rotation's grace period two keys are live: either may sign.
  const key = row.keys.find((k) => signatureMatches(openKey(k.id, k.sealed), message, authorization));
  if (!key) throw new ApiRefusal(RESULT.badRequest, 'Authorization incorrect');

  const windowMs = 60_000;
  const start = new Date(Math.floor(Date.now() / windowMs) * windowMs);
  const [hit] = (
    await db.execute<{ fresh: number; used: number }>(sql`
      WITH n AS (INSERT INTO api_nonces (signature) VALUES (${authorization}) ON CONFLICT DO NOTHING RETURNING 1),
      u AS (INSERT INTO api_key_usage (key_id, day, count) VALUES (${key.id}, (now() AT TIME ZONE 'utc')::date, 1)
        ON CONFLICT (key_id, day) DO UPDATE SET count = api_key_usage.count + 1),
      r AS (INSERT INTO rate_limits (key, window_start, count) VALUES (${`api:key:${key.id}`}, ${start.toISOString()}, 1)
        ON CONFLICT (key, window_start) DO UPDATE SET count = rate_limits.count + 1 RETURNING count)
      SELECT (SELECT count(*) FROM n)::int AS fresh, (SELECT count FROM r)::int AS used`)
  ).rows;
  // Seen signatures matter only while their timestamp could verify.
  if (Math.random() < 0.005)
    await db.execute(sql`DELETE FROM api_nonces WHERE seen_at < now() - interval '11 minutes'`);
  if (!hit.fresh) throw new ApiRefusal(RESULT.badRequest, 'Request replayed');
  if (hit.used > (row.per_minute ?? 6000)) {
    const retry = Math.max(1, Math.ceil((start.getTime() + windowMs - Date.now()) / 1000));
    throw new ApiRefusal(RESULT.tooMany, 'Too Many Requests', null, { 'Retry-After': String(retry) });
  }
  return { serviceId: row.service_id, keyId: key.id, config: configFromRow(row.service_id, row) };
}
