import { sql } from 'drizzle-orm';
import type { Tx } from '@/db';

/**
 * Bumps the service's list version inside the change's transaction. It also locks the
 * service's version row, so concurrent changes of one list run one after another (the
 * duplicate and size checks see each other's words).
 */
export async function bumpBannedWordVersion(tx: Tx, serviceId: string): Promise<void> {
  await tx.execute(sql`INSERT INTO banned_word_versions (service_id, version) VALUES (${serviceId}, 1)
    ON CONFLICT (service_id) DO UPDATE SET version = banned_word_versions.version + 1, updated_at = now()`);
}
