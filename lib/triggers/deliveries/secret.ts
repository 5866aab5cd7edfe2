import { randomBytes } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import { webhookSecrets } from '@/db/schema';
import { decryptValue, encryptValue } from '@/lib/crypto/envelope';
import { masterKey } from '@/lib/crypto/master-key';
import type { Queryable } from '@/db';
import type { ServiceCtx } from '@/lib/context';

const binding = (serviceId: string) => ({ table: 'webhook_secrets', column: 'sealed', rowId: serviceId });

function newSecret(): string {
  return `whsec_${randomBytes(32).toString('base64')}`;
}

/**
 * Creates or replaces the service's signing secret and returns it: the only time it is shown.
 * Deliveries already queued are signed with the new one from their next attempt.
 */
export async function rotateWebhookSecret(ctx: Pick<ServiceCtx, 'db' | 'service'>): Promise<string> {
  const { db } = ctx;
  const serviceId = ctx.service.id;
  const secret = newSecret();
  const sealed = encryptValue(masterKey(), secret, binding(serviceId));
  await db
    .insert(webhookSecrets)
    .values({ serviceId, sealed })
    .onConflictDoUpdate({ target: webhookSecrets.serviceId, set: { sealed, rotatedAt: sql`now()` } });
  return secret;
}

/** The service's secret for signing; made (unseen) on first use, so an admin rotates to learn it. */
export async function webhookSecret(db: Queryable, serviceId: string): Promise<string> {
  const [row] = await db
    .select({ sealed: webhookSecrets.sealed })
    .from(webhookSecrets)
    .where(eq(webhookSecrets.serviceId, serviceId));
  if (row) return decryptValue<string>(masterKey(), row.sealed, binding(serviceId));
  const secret = newSecret();
  await db
    .insert(webhookSecrets)
    .values({ serviceId, sealed: encryptValue(masterKey(), secret, binding(serviceId)) })
    .onConflictDoNothing();
  const [again] = await db
    .select({ sealed: webhookSecrets.sealed })
    .from(webhookSecrets)
    .where(eq(webhookSecrets.serviceId, serviceId));
  return decryptValue<string>(masterKey(), again.sealed, binding(serviceId));
}

/** When the secret was last made or rotated (null: never). */
export async function webhookSecretRotatedAt(db: Queryable, serviceId: string): Promise<Date | null> {
  const [row] = await db
    .select({ at: webhookSecrets.rotatedAt })
    .from(webhookSecrets)
    .where(eq(webhookSecrets.serviceId, serviceId));
  return row?.at ?? null;
}
