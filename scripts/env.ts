import fs from 'node:fs';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { loadEnvConfig } from '@next/env';
import { drizzle } from 'drizzle-orm/node-postgres';
import { Pool } from 'pg';
import * as schema from '@/db/schema';
import { checkMasterKeyFingerprint } from '@/lib/crypto/key-fingerprint';
import { masterKey } from '@/lib/crypto/master-key';
import { ensureDatabase, runMigrations } from '@/db/migrate';
import { runningEmbeddedPostgres, startEmbeddedPostgres, type EmbeddedPg } from '@/db/embedded';
import { productionStartProblems } from '@/lib/ops/production-checks';
import { getDb } from '@/db';
import { sealStoredEndpointUrls } from '@/lib/triggers/seal-stored-urls';
import { moduleLog } from '@/lib/log/logger';

/** Reads a secret from .data/<name>, creating it on first use (the embedded default). */
function localSecret(name: string): string {
  const file = path.join('.data', name);
  if (fs.existsSync(file)) return fs.readFileSync(file, 'utf8').trim();
  fs.mkdirSync('.data', { recursive: true });
  const value = randomBytes(32).toString('base64url');
  fs.writeFileSync(file, value, { mode: 0o600 });
  return value;
}

/**
 * Prepares the process environment the app needs: .env files, the database (DATABASE_URL,
 * or an embedded PostgreSQL in .data/postgres), migrations, and the local secrets.
 */
export async function prepareEnvironment(dev: boolean): Promise<{ embedded: EmbeddedPg | null }> {
  loadEnvConfig(process.cwd(), dev);
  const dir = process.env.EMBEDDED_PG_DIR ?? path.join('.data', 'postgres');
  const problems = productionStartProblems(process.env, {
    embeddedHasData: fs.existsSync(path.join(dir, 'PG_VERSION')),
  });
  if (problems.length)
    throw new Error(`refusing a production start (NODE_ENV=production):\n- ${problems.join('\n- ')}`);
  let embedded: EmbeddedPg | null = null;
  if (!process.env.DATABASE_URL) {
    const running = await runningEmbeddedPostgres(dir);
    if (running) {
      moduleLog('launcher').info({ dir }, 'no DATABASE_URL: using the embedded PostgreSQL already running there');
    } else {
      moduleLog('launcher').info({ dir }, 'no DATABASE_URL: starting the embedded PostgreSQL');
      embedded = await startEmbeddedPostgres(dir);
    }
    process.env.DATABASE_URL = await ensureDatabase(running ?? embedded!.url, 'contactdesk');
    process.env.CONTACT_DESK_EMBEDDED_DB = '1';
  }
  await runMigrations(process.env.DATABASE_URL!);
  process.env.NEXTAUTH_SECRET ??= localSecret('auth-secret');
  if (!process.env.APP_ENCRYPTION_KEY) {
    // Losing this key loses every encrypted PII value: a real deployment sets it explicitly.
    if (process.env.CONTACT_DESK_EMBEDDED_DB !== '1')
      moduleLog('launcher').warn(
        'APP_ENCRYPTION_KEY is not set: using .data/encryption-key. Back it up, or set the variable.',
      );
    process.env.APP_ENCRYPTION_KEY = localSecret('encryption-key');
  }
  try {
    await checkMasterKey(process.env.DATABASE_URL!);
  } catch (err) {
    await embedded?.stop().catch(() => {});
    throw err;
  }
  // After the key check: sealing with a wrong key would make the URLs unreadable.
  const sealed = await sealStoredEndpointUrls(getDb());
  if (sealed)
    moduleLog('launcher').info(
      { count: sealed },
      'sealed stored callback/Dooray URLs kept in clear by an earlier version',
    );
  return { embedded };
}

/** The master key against the fingerprint the database keeps (lib/crypto/key-fingerprint.ts). */
async function checkMasterKey(url: string): Promise<void> {
  const pool = new Pool({ connectionString: url, max: 1 });
  try {
    await checkMasterKeyFingerprint(drizzle(pool, { schema }), masterKey());
  } finally {
    await pool.end();
  }
}
