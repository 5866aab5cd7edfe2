import { spawn } from 'node:child_process';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { deploymentKeys } from '@/db/schema';
import { checkMasterKeyFingerprint, MasterKeyMismatchError } from '@/lib/crypto/key-fingerprint';
import { getOrCreateDataKey } from '@/lib/pii/data-key';
import { makeService } from '../helpers/factories';
import { setupTestDb } from '../helpers/db';
import { makeTicket } from '../helpers/tickets';

const db = setupTestDb();
const keyA = randomBytes(32);
const keyB = randomBytes(32);

/** `npm run worker` as an operator starts it, with its own APP_ENCRYPTION_KEY, on this file's database. */
function startWorkerProcess(key: Buffer): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(
      process.execPath,
      [path.join('node_modules', 'tsx', 'dist', 'cli.mjs'), path.join('scripts', 'worker.ts')],
      {
        env: { ...process.env, APP_ENCRYPTION_KEY: key.toString('base64'), NODE_ENV: 'development', MAIL_DOMAIN: '' },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    let output = '';
    child.stdout.on('data', (d) => (output += d));
    child.stderr.on('data', (d) => (output += d));
    // A worker that got past the check would run until stopped: stop it once it says so.
    child.stdout.on('data', () => {
      if (output.includes('worker running')) child.kill('SIGTERM');
    });
    const timer = setTimeout(() => child.kill('SIGKILL'), 40_000);
    child.on('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, output });
    });
  });
}

describe('master-key fingerprint', () => {
  it('is stored by the first start, matched by the same key, and refuses another key with a clear message', async () => {
    expect(await checkMasterKeyFingerprint(db(), keyA)).toBe('stored');
    expect(await checkMasterKeyFingerprint(db(), keyA)).toBe('matched');
    const refusal = checkMasterKeyFingerprint(db(), keyB);
    await expect(refusal).rejects.toBeInstanceOf(MasterKeyMismatchError);
    await expect(refusal).rejects.toThrow(
      /APP_ENCRYPTION_KEY is not the master key of this database.*same APP_ENCRYPTION_KEY/s,
    );
    // One row, which is neither key nor anything containing it.
    const rows = await db().select().from(deploymentKeys);
    expect(rows).toHaveLength(1);
    for (const k of [keyA, keyB]) {
      for (const enc of ['base64', 'base64url', 'hex'] as const)
        expect(rows[0].fingerprint).not.toContain(k.toString(enc).slice(0, 16));
    }
  });

  it('the worker started with another key refuses to start; with the right key it runs', async () => {
    const wrong = await startWorkerProcess(keyB);
    expect(wrong.code).not.toBe(0);
    expect(wrong.output).toContain('APP_ENCRYPTION_KEY is not the master key of this database');
    expect(wrong.output).not.toContain('worker running');
    const right = await startWorkerProcess(keyA);
    expect(right.output).toContain('worker running');
  }, 90_000);

  it('a database with encrypted data from before the fingerprint refuses a key that cannot open it', async () => {
    await db().delete(deploymentKeys);
    const s = await makeService(db());
    const t = await makeTicket(db(), s.id);
    const prev = process.env.APP_ENCRYPTION_KEY;
    process.env.APP_ENCRYPTION_KEY = keyA.toString('base64');
    try {
      await db().transaction((tx) => getOrCreateDataKey(tx, s.id, t.id));
    } finally {
      process.env.APP_ENCRYPTION_KEY = prev;
    }
    await expect(checkMasterKeyFingerprint(db(), keyB)).rejects.toThrow(/cannot open the data keys already stored/);
    expect(await db().select().from(deploymentKeys)).toHaveLength(0);
    expect(await checkMasterKeyFingerprint(db(), keyA)).toBe('stored');
  });
});
