import { createHmac, timingSafeEqual } from 'node:crypto';
import { asc, eq } from 'drizzle-orm';
import { deploymentKeys, ticketDataKeys } from '@/db/schema';
import type { Queryable } from '@/db';
import { DecryptError, unwrapDataKey } from './envelope';

const NAME = 'master_key';

/** HMAC-SHA256 under the master key of a fixed label: identifies the key, reveals nothing of it. */
export function masterKeyFingerprint(key: Buffer): string {
  return createHmac('sha256', key).update('contact-desk master-key fingerprint v1').digest('base64url');
}

export class MasterKeyMismatchError extends Error {
  constructor(detail: string) {
    super(
      `APP_ENCRYPTION_KEY is not the master key of this database (${detail}). Refusing to start: with this key, ` +
        'encrypted personal data, mail-account passwords and API keys could not be read, and new ones would be written ' +
        'that the other instances cannot read. Give every app instance and worker the same APP_ENCRYPTION_KEY ' +
        '(restore it from your backup; for the embedded default it is .data/encryption-key).',
    );
    this.name = 'MasterKeyMismatchError';
  }
}

/**
 * Compares the master key with the fingerprint this database keeps, storing it on the first start.
 * A database that already holds encrypted data but no fingerprint yet (written before this check
 * existed) is first checked by opening one wrapped data key with the key.
 */
export async function checkMasterKeyFingerprint(db: Queryable, key: Buffer): Promise<'stored' | 'matched'> {
  const mine = masterKeyFingerprint(key);
  const [stored] = await db
    .select({ fingerprint: deploymentKeys.fingerprint, createdAt: deploymentKeys.createdAt })
    .from(deploymentKeys)
    .where(eq(deploymentKeys.name, NAME));
  if (!stored) {
    const [sample] = await db.select().from(ticketDataKeys).orderBy(asc(ticketDataKeys.createdAt)).limit(1);
    if (sample) {
      try {
        unwrapDataKey(key, sample.wrappedKey, {
          table: 'ticket_data_keys',
          column: 'wrapped_key',
          rowId: sample.ticketId,
        });
      } catch (err) {
        if (err instanceof DecryptError)
          throw new MasterKeyMismatchError('it cannot open the data keys already stored');
        throw err;
      }
    }
    // Two instances starting at once: the first insert wins and the loser compares against it.
    const inserted = await db
      .insert(deploymentKeys)
      .values({ name: NAME, fingerprint: mine })
      .onConflictDoNothing()
      .returning();
    if (inserted.length) return 'stored';
    return checkMasterKeyFingerprint(db, key);
  }
  const a = Buffer.from(stored.fingerprint);
  const b = Buffer.from(mine);
  if (a.length !== b.length || !timingSafeEqual(a, b)) {
    throw new MasterKeyMismatchError(
      `its fingerprint differs from the one stored on ${stored.createdAt.toISOString()}`,
    );
  }
  return 'matched';
}
