import { randomBytes } from 'node:crypto';
import { and, desc, eq, gt, isNull, or, sql } from 'drizzle-orm';
import { apiKeys, apiKeyUsage, apiSettings } from '@/db/schema';
import { encryptValue, decryptValue } from '@/lib/crypto/envelope';
import { masterKey } from '@/lib/crypto/master-key';
import type { Queryable } from '@/db';
import { NotFoundError } from '@/lib/errors';

/** How long a rotated-out key keeps working, so integrations can switch without downtime. */
export const ROTATION_GRACE_HOURS = 24;

const binding = (keyId: string) => ({ table: 'api_keys', column: 'sealed', rowId: keyId });

/** Opens a sealed service key (bound to its row). */
export function openKey(keyId: string, sealed: string): string {
  return decryptValue<string>(masterKey(), sealed, binding(keyId));
}

function newKey(): string {
  return randomBytes(24).toString('base64url');
}

async function insertKey(
  tx: Queryable,
  serviceId: string,
  memberId: string | null,
): Promise<{ id: string; key: string }> {
  const id = crypto.randomUUID();
  const key = newKey();
  await tx.insert(apiKeys).values({
    id,
    serviceId,
    sealed: encryptValue(masterKey(), key, binding(id)),
    hint: key.slice(-4),
    createdById: memberId,
  });
  return { id, key };
}

/**
 * Issues a service key, turning the Open API on: the only time the key is returned. Any key
 * still live is rotated out (valid `ROTATION_GRACE_HOURS` more), so issuing and rotating are
 * the same verb (API Key 변경).
 */
export async function issueApiKey(
  tx: Queryable,
  serviceId: string,
  memberId: string | null,
): Promise<{ id: string; key: string; graceUntil: Date | null }> {
  const graceUntil = new Date(Date.now() + ROTATION_GRACE_HOURS * 3600_000);
  const rotated = await tx
    .update(apiKeys)
    .set({ expiresAt: graceUntil, updatedAt: new Date() })
    .where(and(eq(apiKeys.serviceId, serviceId), isNull(apiKeys.revokedAt), isNull(apiKeys.expiresAt)))
    .returning({ id: apiKeys.id });
  const made = await insertKey(tx, serviceId, memberId);
  await tx
    .insert(apiSettings)
    .values({ serviceId, enabled: true })
    .onConflictDoUpdate({ target: apiSettings.serviceId, set: { enabled: true, updatedAt: new Date() } });
  return { ...made, graceUntil: rotated.length ? graceUntil : null };
}

/** Revokes one key at once (no grace). */
export async function revokeApiKey(tx: Queryable, serviceId: string, keyId: string): Promise<void> {
  const done = await tx
    .update(apiKeys)
    .set({ revokedAt: new Date(), updatedAt: new Date() })
    .where(and(eq(apiKeys.serviceId, serviceId), eq(apiKeys.id, keyId), isNull(apiKeys.revokedAt)))
    .returning({ id: apiKeys.id });
  if (!done.length) throw new NotFoundError();
}

export type KeyRow = {
  id: string;
  hint: string;
  createdAt: Date;
  expiresAt: Date | null;
  revokedAt: Date | null;
  expired: boolean;
  today: number;
  last7: number;
};

/** The service's keys, newest first, with today's and the last 7 days' use counts (UTC days). */
export async function listApiKeys(db: Queryable, serviceId: string): Promise<KeyRow[]> {
  return db
    .select({
      id: apiKeys.id,
      hint: apiKeys.hint,
      createdAt: apiKeys.createdAt,
      expiresAt: apiKeys.expiresAt,
      revokedAt: apiKeys.revokedAt,
      expired: sql<boolean>`coalesce(${apiKeys.expiresAt} <= now(), false)`,
      today: sql<number>`coalesce((select u.count from ${apiKeyUsage} u where u.key_id = ${apiKeys.id} and u.day = (now() at time zone 'utc')::date), 0)::int`,
      last7: sql<number>`coalesce((select sum(u.count) from ${apiKeyUsage} u where u.key_id = ${apiKeys.id} and u.day > (now() at time zone 'utc')::date - 7), 0)::int`,
    })
    .from(apiKeys)
    .where(
      and(
        eq(apiKeys.serviceId, serviceId),
        or(isNull(apiKeys.revokedAt), gt(apiKeys.revokedAt, sql`now() - interval '30 days'`)),
      ),
    )
    .orderBy(desc(apiKeys.createdAt))
    .limit(50);
}

/** Per-day use counts of a key (newest first, at most `days`). */
export async function keyUsage(
  db: Queryable,
  serviceId: string,
  keyId: string,
  days = 30,
): Promise<{ day: string; count: number }[]> {
  return db
    .select({ day: apiKeyUsage.day, count: apiKeyUsage.count })
    .from(apiKeyUsage)
    .innerJoin(apiKeys, and(eq(apiKeys.id, apiKeyUsage.keyId), eq(apiKeys.serviceId, serviceId)))
    .where(eq(apiKeyUsage.keyId, keyId))
    .orderBy(desc(apiKeyUsage.day))
    .limit(days);
}
