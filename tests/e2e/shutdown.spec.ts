import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import PgBoss from 'pg-boss';
import { Client } from 'pg';
import { QUEUES } from '../../lib/jobs/queues';
import { startEmbeddedPostgres } from '../../db/embedded';
import { sealEndpointUrl } from '../../lib/triggers/endpoint-url';
import { expect, test } from './fixtures';

/**
 * `npm start` as an operator runs it — the compiled launcher (scripts/launch.cjs), its own
 * embedded PostgreSQL, the production build — and stopped as a service manager stops it:
 * SIGTERM to the launcher while a job is running. No browser: what is checked is the process.
 */
const ROOT = path.join(__dirname, '../..');
const PORT = Number(process.env.E2E_PORT ?? 3100) + 2;

function portOpen(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const s = net.connect({ port, host: '127.0.0.1' });
    s.once('connect', () => (s.destroy(), resolve(true)));
    s.once('error', () => resolve(false));
  });
}

/** Processes whose command line names `needle` (this machine's /proc). */
function processesNaming(needle: string): string[] {
  const found: string[] = [];
  for (const pid of fs.readdirSync('/proc').filter((p) => /^\d+$/.test(p))) {
    try {
      const cmd = fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').replace(/\0/g, ' ');
      if (cmd.includes(needle)) found.push(`${pid} ${cmd}`);
    } catch {
      // gone meanwhile
    }
  }
  return found;
}

async function until<T>(what: () => Promise<T> | T, ms: number, label: string): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const v = await what();
    if (v) return v;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${label}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

test('SIGTERM lets the running job finish, closes the port, and stops the embedded PostgreSQL before the launcher exits', async ({}, testInfo) => {
  test.setTimeout(180_000);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cd-shutdown-'));
  fs.chmodSync(dir, 0o755);
  const pgDir = path.join(dir, 'postgres');
  let launcher: ChildProcess | null = null;
  let out = '';
  // A callback receiver that holds each request for 4 s: the job is still running when SIGTERM comes.
  const hits: { at: number; answeredAt?: number }[] = [];
  const receiver = http.createServer((req, res) => {
    const hit: { at: number; answeredAt?: number } = { at: Date.now() };
    hits.push(hit);
    req.resume();
    setTimeout(() => {
      hit.answeredAt = Date.now();
      res.writeHead(200).end('ok');
    }, 4000);
  });
  await new Promise<void>((r) => receiver.listen(0, '127.0.0.1', r));
  const receiverUrl = `http://127.0.0.1:${(receiver.address() as net.AddressInfo).port}/hook`;
  try {
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      PORT: String(PORT),
      EMBEDDED_PG_DIR: pgDir,
      SHUTDOWN_GRACE_MS: '20000',
      NEXTAUTH_SECRET: 'shutdown-spec-secret-0123456789abcdef',
      APP_ENCRYPTION_KEY: Buffer.alloc(32, 7).toString('base64'),
      OUTBOUND_ALLOW_CIDRS: '127.0.0.1/32',
      OUTBOUND_ALLOW_HTTP: '1',
      LOG_LEVEL: 'info',
    };
    for (const k of [
      'DATABASE_URL',
      'MAIL_DOMAIN',
      'SMTP_RECEIVER_PORT',
      'SEED_DEMO_AGENTS_PASSWORD',
      'NODE_ENV',
      'LOG_FORMAT',
    ])
      delete env[k];
    // Another server on the port would answer the health check in this one's place.
    expect(await portOpen(PORT), `port ${PORT} is already in use`).toBe(false);
    // Its own process group: a failed run kills the launcher with its server and PostgreSQL.
    launcher = spawn(process.execPath, ['scripts/launch.cjs', 'run', 'start'], {
      cwd: ROOT,
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true,
    });
    launcher.stdout!.on('data', (c) => (out += c));
    launcher.stderr!.on('data', (c) => (out += c));
    const exited = new Promise<string>((resolve) =>
      launcher!.on('exit', (code, signal) => resolve(`${code ?? signal}`)),
    );

    await until(
      async () => (await fetch(`http://127.0.0.1:${PORT}/api/health`).catch(() => null))?.ok,
      120_000,
      `the server on ${PORT}:\n${out}`,
    );

    // Structured logs: JSON lines, the request id echoed and logged, never the query string.
    const probe = await fetch(`http://127.0.0.1:${PORT}/api/health?email=canary-shutdown@example.com`);
    const reqId = probe.headers.get('x-request-id');
    expect(reqId).toMatch(/^[0-9a-f-]{36}$/);
    const line = await until(
      () => out.split('\n').find((l) => l.includes(reqId!) && l.includes('"msg":"request"')),
      5000,
      'the access line',
    );
    expect(JSON.parse(line!)).toMatchObject({ reqId, path: '/api/health', status: 200, msg: 'request' });
    expect(out).not.toContain('canary-shutdown');

    // A slow job: a callback delivery to the receiver, queued as the app queues it.
    const adminUrl = fs.readFileSync(`${pgDir}.url`, 'utf8');
    const dbUrl = adminUrl.replace(/\/postgres$/, '/contactdesk');
    const db = new Client({ connectionString: dbUrl });
    await db.connect();
    // Stored as the app stores it: the endpoint URL sealed with the instance's master key.
    const ownKey = process.env.APP_ENCRYPTION_KEY;
    process.env.APP_ENCRYPTION_KEY = env.APP_ENCRYPTION_KEY;
    const sealed = sealEndpointUrl('demo', receiverUrl);
    if (ownKey === undefined) delete process.env.APP_ENCRYPTION_KEY;
    else process.env.APP_ENCRYPTION_KEY = ownKey;
    const { rows } = await db.query<{ id: string }>(
      `INSERT INTO trigger_deliveries (service_id, trigger_title, kind, target, request) VALUES ('demo', 'shutdown', 'callback', '127.0.0.1', $1) RETURNING id`,
      [JSON.stringify({ ...sealed, body: { event: 'shutdown-test' } })],
    );
    await db.end();
    const deliveryId = rows[0].id;
    const boss = new PgBoss({
      connectionString: dbUrl,
      schema: 'pgboss',
      supervise: false,
      schedule: false,
      migrate: false,
    });
    await boss.start();
    const q = QUEUES.triggerDelivery;
    await boss.send(q.name, { deliveryId }, { retryLimit: q.retryLimit, expireInSeconds: q.expireInSeconds });
    await boss.stop({ graceful: false, close: true });

    await until(() => hits.length > 0, 30_000, 'the callback to reach the receiver');
    launcher.kill('SIGTERM');

    // No new connections while the job is still running.
    await until(async () => !(await portOpen(PORT)), 5000, 'the port to close');
    expect(hits[0].answeredAt).toBeUndefined();

    expect(await exited).toBe('0');
    expect(hits).toHaveLength(1);
    expect(hits[0].answeredAt).toBeDefined();
    expect(await portOpen(PORT)).toBe(false);
    // The embedded PostgreSQL stopped before the launcher exited.
    expect(processesNaming(pgDir)).toEqual([]);
    expect(fs.existsSync(path.join(pgDir, 'postmaster.pid'))).toBe(false);

    // The job finished: the delivery is recorded as delivered (read with the server started again).
    const again = await startEmbeddedPostgres(pgDir, { quiet: true });
    try {
      const check = new Client({ connectionString: again.url.replace(/\/postgres$/, '/contactdesk') });
      await check.connect();
      const { rows: d } = await check.query<{ status: string; attempts: number }>(
        'SELECT status, attempts FROM trigger_deliveries WHERE id = $1',
        [deliveryId],
      );
      await check.end();
      expect(d[0]).toEqual({ status: 'delivered', attempts: 1 });
    } finally {
      await again.stop();
    }
  } finally {
    // The launcher's own output (JSON log lines), for a failure's report.
    fs.writeFileSync(testInfo.outputPath('launcher.log'), out);
    if (launcher?.pid && launcher.exitCode === null) {
      try {
        process.kill(-launcher.pid, 'SIGKILL');
      } catch {
        launcher.kill('SIGKILL');
      }
    }
    receiver.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
