/**
 * `npm run bench:intake`: ticket creation through the Open API route (`POST
 * /{serviceId}/openapi/v1/ticket.json`, signed) on a production build (`next start`), with 50
 * active triggers of which 10 fire (including a round-robin assignment and 2 deliveries), at 1, 4
 * and 16 concurrent clients; beside it, in the same run and at the same concurrency, the
 * baseline: the same core rows (number, ticket, inquiry message, one history row) written by one
 * hand-written `pg` transaction. Prints throughput, p50/p95 and the ratio (DESIGN.md §10).
 *
 * Database: a fresh database `cd_bench_intake` on the server of BENCH_DATABASE_URL when set,
 * else an embedded PostgreSQL in .data/bench-intake. `--seconds N` per measurement (default 10).
 */
import { spawn, spawnSync } from 'node:child_process';
import { createHmac, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { Client, Pool } from 'pg';
import PgBoss from 'pg-boss';
import { eq } from 'drizzle-orm';
import {
  categories,
  fields,
  groupMembers,
  groups,
  members,
  organizations,
  serviceMembers,
  triggers,
} from '@/db/schema';
import { ensureFirstStart } from '@/lib/bootstrap/first-start';
import { closeDb, getDb } from '@/db';
import { startEmbeddedPostgres } from '@/db/embedded';
import { runMigrations } from '@/db/migrate';
import { QUEUES } from '@/lib/jobs/queues';
import { issueApiKey } from '@/lib/openapi/keys';
import { saveApiSettings } from '@/lib/openapi/settings';
import { insertService } from '@/lib/services/insert-service';
import { bumpTriggersVersion } from '@/lib/triggers/bump-version';
import { validateTrigger } from '@/lib/triggers/validate';

const SERVICE = 'benchapi';
const DB_NAME = 'cd_bench_intake';
const load = () =>
  `load ${os
    .loadavg()
    .map((l) => l.toFixed(2))
    .join(' ')}`;
const argOf = (args: string[], name: string) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : undefined;
};

function withDatabase(url: string, db: string): string {
  const u = new URL(url);
  u.pathname = `/${db}`;
  return u.toString();
}

async function freshDatabase(serverUrl: string): Promise<string> {
  const admin = new Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS "${DB_NAME}" WITH (FORCE)`);
  await admin.query(`CREATE DATABASE "${DB_NAME}"`);
  await admin.end();
  return withDatabase(serverUrl, DB_NAME);
}

/** The service, 4 agents in a group, an intake type, 50 active triggers (10 fire on every create), a key. */
async function seed(url: string) {
  const db = getDb();
  await ensureFirstStart(db, {
    ...process.env,
    SEED_ADMIN_LOGIN: 'benchadmin',
    SEED_ADMIN_PASSWORD: randomBytes(12).toString('hex'),
  });
  await insertService(db, { id: SERVICE, name: 'API bench', languages: ['ko', 'en'] });
  const agentIds: string[] = [];
  for (let i = 0; i < 4; i++) {
    const [m] = await db
      .insert(members)
      .values({
        name: `상담원 ${i + 1}`,
        loginId: `benchagent${i}`,
        email: `agent${i}@bench.example`,
        status: 'active',
      })
      .returning();
    const [a] = await db
      .insert(serviceMembers)
      .values({ serviceId: SERVICE, memberId: m.id, role: 'agent' })
      .returning();
    agentIds.push(a.id);
  }
  const [g] = await db.insert(groups).values({ serviceId: SERVICE, name: '결제' }).returning();
  for (const agentId of agentIds) await db.insert(groupMembers).values({ serviceId: SERVICE, groupId: g.id, agentId });
  const catId = crypto.randomUUID();
  await db.insert(categories).values({
    id: catId,
    serviceId: SERVICE,
    kind: 'intake',
    name: '결제',
    names: { ko: '결제' },
    path: `/${catId}/`,
    depth: 1,
    position: 0,
  });
  const created = { mode: 'all', target: 'event', operator: 'is', value: 'created' } as const;
  const rows: { title: string; conditions: unknown[]; results: Record<string, unknown>[] }[] = [];
  for (let i = 0; i < 50; i++) {
    if (i % 5 === 0) {
      // The 10 that fire, in order; the round-robin assignment is the last one (last assignment wins).
      const k = i / 5;
      const results =
        k === 9
          ? [{ type: 'assign', groupId: g.id, method: 'round_robin' }]
          : k === 7
            ? [{ type: 'callback', url: 'https://hooks.bench.invalid/contact-desk' }]
            : k === 8
              ? [
                  {
                    type: 'dooray',
                    url: 'https://hook.dooray.com/services/1/2/bench',
                    botName: 'Contact Desk',
                    text: '새 티켓 #{ticketNo} #{subject}',
                  },
                ]
              : k % 2
                ? [{ type: 'set_group', groupId: g.id }]
                : [{ type: 'set_intake_type', categoryId: catId }];
      rows.push({
        title: `fires ${k}`,
        conditions: [created, { mode: 'all', target: 'subject', operator: 'contains', value: '결제' }],
        results,
      });
    } else {
      rows.push({
        title: `quiet ${i}`,
        conditions: [
          created,
          { mode: 'all', target: 'subject', operator: 'contains', value: `없는문구${i}` },
          { mode: 'any', target: 'priority', operator: 'is', value: 'urgent' },
        ],
        results: [{ type: 'set_group', groupId: g.id }],
      });
    }
  }
  await db.transaction(async (tx) => {
    let position = 0;
    for (const r of rows) {
      const checked = await validateTrigger(tx, SERVICE, { conditions: r.conditions as never, results: r.results });
      await tx.insert(triggers).values({
        serviceId: SERVICE,
        title: r.title,
        active: true,
        position: position++,
        conditions: checked.conditions,
        results: checked.results,
      });
    }
    await bumpTriggersVersion(tx, SERVICE);
  });
  const { key } = await db.transaction((tx) => issueApiKey(tx, SERVICE, null));
  await saveApiSettings(db, SERVICE, { enabled: true, allowedCidrs: [], rateLimitPerMinute: 1_000_000 });
  const [org] = await db.select({ id: organizations.id }).from(organizations).limit(1);
  const [agree] = await db.select({ id: fields.id }).from(fields).where(eq(fields.code, 'personalAgree'));
  if (!agree) throw new Error('no personalAgree field');
  // Trigger deliveries are jobs: create pg-boss's schema and queue, as a worker would on first start.
  const boss = new PgBoss({ connectionString: url, schema: 'pgboss', supervise: false, schedule: false });
  await boss.start();
  const d = QUEUES.triggerDelivery;
  await boss.createQueue(d.name, {
    name: d.name,
    policy: d.policy,
    retryLimit: d.retryLimit,
    retryDelay: d.retryDelay,
    expireInSeconds: d.expireInSeconds,
  });
  await boss.stop({ graceful: false });
  return { key, orgId: org.id, catId };
}

/** A signed create body for the bench service. */
function createRequest(base: string, key: string, orgId: string, catId: string, n: number): Request {
  const uri = `/${SERVICE}/openapi/v1/ticket.json`;
  const body = JSON.stringify({
    categoryId: catId,
    subject: `결제 오류 문의 ${n}`,
    content: '카드 결제 시 오류 코드 E-102가 나옵니다. 확인 부탁드립니다.',
    endUser: { usercode: `user${n % 500}`, email: `user${n % 500}@example.com`, username: '홍길동' },
    language: 'ko',
    userFields: [{ code: 'personalAgree', value: 'true' }],
  });
  const ts = String(Date.now());
  const auth = createHmac('sha256', key)
    .update(orgId + uri + body + ts)
    .digest('base64');
  return new Request(base + uri, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: auth, 'x-tc-timestamp': ts },
    body,
  });
}

/**
 * `--profile`: calls the route handler in this process 300 times (no HTTP) and prints, per
 * ticket, the statements sent (counted by wrapping pg's Client#query: pg_stat_statements is not
 * always preloaded), their round-trip time by statement, and the CPU time of the process.
 */
async function profile(key: string, orgId: string, catId: string, cpuProf?: string) {
  // Outside Next, `server-only` would refuse to load (and the react-server condition breaks next-intl).
  const req = createRequire(__filename);
  req.cache[req.resolve('server-only')] = { exports: {} } as NodeJS.Module;
  const { POST } = await import('@/app/[serviceId]/openapi/v1/ticket.json/route');
  const stats = new Map<string, { calls: number; ms: number }>();
  let on = false;
  const proto = Client.prototype as unknown as { query: (...a: unknown[]) => unknown };
  const original = proto.query;
  proto.query = function (this: unknown, ...a: unknown[]) {
    const q = a[0] as string | { text?: string };
    // Cut before normalizing: the closing statement is kilobytes, and this wrapper's CPU counts in the figure.
    const text = (typeof q === 'string' ? q : (q?.text ?? '?')).slice(0, 160).replace(/\s+/g, ' ').slice(0, 100);
    const t0 = performance.now();
    const record = () => {
      if (!on) return;
      const s = stats.get(text) ?? { calls: 0, ms: 0 };
      s.calls++;
      s.ms += performance.now() - t0;
      stats.set(text, s);
    };
    // Pool#query calls Client#query with a callback; drizzle's transactions use the promise form.
    const cb = a[a.length - 1];
    if (typeof cb === 'function') {
      a[a.length - 1] = (...x: unknown[]) => {
        record();
        return (cb as (...y: unknown[]) => unknown)(...x);
      };
      return original.apply(this, a);
    }
    const r = original.apply(this, a);
    if (r && typeof (r as Promise<unknown>).then === 'function') void (r as Promise<unknown>).then(record, () => {});
    return r;
  };
  const call = async (n: number) => {
    const res = await POST(createRequest('http://localhost', key, orgId, catId, n), {
      params: Promise.resolve({ serviceId: SERVICE }),
    });
    if (res.status !== 200) throw new Error(`route answered ${res.status}: ${await res.text()}`);
  };
  for (let i = 0; i < 50; i++) await call(i);
  const N = 300;
  // `--cpu-prof FILE`: a V8 CPU profile of the measured creates only (not the seed or warm-up).
  const session = cpuProf ? new (await import('node:inspector')).Session() : null;
  const post = (method: string, params?: object) =>
    new Promise<unknown>((resolve, reject) =>
      session!.post(method, params ?? {}, (err, res) => (err ? reject(err) : resolve(res))),
    );
  if (session) {
    session.connect();
    await post('Profiler.enable');
    await post('Profiler.setSamplingInterval', { interval: 200 });
    await post('Profiler.start');
  }
  on = true;
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  for (let i = 0; i < N; i++) await call(1000 + i);
  const wall = performance.now() - t0;
  const cpu = process.cpuUsage(c0);
  on = false;
  if (session) {
    const { profile: prof } = (await post('Profiler.stop')) as { profile: unknown };
    fs.writeFileSync(cpuProf!, JSON.stringify(prof));
    session.disconnect();
    console.log(`[profile] CPU profile of the measured creates: ${cpuProf}`);
  }
  const rows = [...stats.entries()].sort((x, y) => y[1].ms - x[1].ms);
  const calls = rows.reduce((a, [, r]) => a + r.calls, 0);
  console.log(
    `[profile] ${N} creates in process, 1 client: ${(wall / N).toFixed(2)} ms wall, ${((cpu.user + cpu.system) / 1000 / N).toFixed(2)} ms node CPU (${(cpu.user / 1000 / N).toFixed(2)} user + ${(cpu.system / 1000 / N).toFixed(2)} system), ${(calls / N).toFixed(1)} statements per ticket, ${load()}`,
  );
  for (const [text, r] of rows.slice(0, 40))
    console.log(`  ${(r.calls / N).toFixed(2).padStart(5)}/ticket ${(r.ms / N).toFixed(3).padStart(7)} ms  ${text}`);
}

type Run = { perSecond: number; p50: number; p95: number; n: number; errors: number };

/** CPU time (user + system, ms) used so far by every live process of a process group (Linux /proc). */
function groupCpuMs(pgid: number): number {
  const tick = 1000 / 100; // USER_HZ is 100 on Linux
  let ms = 0;
  for (const pid of fs.readdirSync('/proc').filter((d) => /^\d+$/.test(d))) {
    try {
      const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
      const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      // After the name: state(0) ppid(1) pgrp(2) … utime(11) stime(12)
      if (Number(f[2]) === pgid) ms += (Number(f[11]) + Number(f[12])) * tick;
    } catch {
      /* gone */
    }
  }
  return ms;
}

/** Runs `clients` loops of `one` for `seconds` (after a short warm-up) and reports throughput and latency. */
async function measure(clients: number, seconds: number, one: () => Promise<void>, onStart?: () => void): Promise<Run> {
  const warmEnd = Date.now() + 1500;
  await Promise.all(
    Array.from({ length: clients }, async () => {
      while (Date.now() < warmEnd) await one().catch(() => {});
    }),
  );
  const lat: number[] = [];
  let errors = 0;
  onStart?.();
  const start = performance.now();
  const end = start + seconds * 1000;
  await Promise.all(
    Array.from({ length: clients }, async () => {
      while (performance.now() < end) {
        const t0 = performance.now();
        try {
          await one();
          lat.push(performance.now() - t0);
        } catch {
          errors++;
        }
      }
    }),
  );
  const secs = (performance.now() - start) / 1000;
  lat.sort((a, b) => a - b);
  const q = (p: number) => lat[Math.min(lat.length - 1, Math.floor(p * lat.length))] ?? NaN;
  return { perSecond: lat.length / secs, p50: q(0.5), p95: q(0.95), n: lat.length, errors };
}

async function main() {
  const args = process.argv.slice(2);
  const seconds = Number(argOf(args, 'seconds') ?? 10);
  const port = Number(process.env.BENCH_PORT ?? 3204);
  // `--clients N`: measure at that concurrency only (for profiling); by default 1, 4 and 16.
  const only = argOf(args, 'clients');
  const serverProf = argOf(args, 'server-cpu-prof');
  const dir = path.join('.data', 'bench-intake');
  // The bench's key seals its own service key; the server it starts gets the same one.
  process.env.APP_ENCRYPTION_KEY ??= randomBytes(32).toString('base64');
  let pg: Awaited<ReturnType<typeof startEmbeddedPostgres>> | null = null;
  let server: ReturnType<typeof spawn> | null = null;
  let url: string;
  if (process.env.BENCH_DATABASE_URL) url = await freshDatabase(process.env.BENCH_DATABASE_URL);
  else {
    fs.rmSync(dir, { recursive: true, force: true });
    pg = await startEmbeddedPostgres(path.join(dir, 'postgres'), { quiet: true });
    url = await freshDatabase(pg.url);
  }
  process.env.DATABASE_URL = url;
  try {
    console.log(
      `[bench:intake] ${os.cpus().length} cores, ${load()}, database ${pg ? `embedded in ${dir}` : `${DB_NAME} on BENCH_DATABASE_URL`}`,
    );
    await runMigrations(url);
    const { key, orgId, catId } = await seed(url);
    if (args.includes('--profile')) {
      await profile(key, orgId, catId, argOf(args, 'cpu-prof'));
      return;
    }
    await closeDb();

    if (!fs.existsSync(path.join('.next', 'BUILD_ID'))) {
      console.log('[bench:intake] no production build yet: running `next build` first');
      const build = spawnSync(process.execPath, [path.join('node_modules', 'next', 'dist', 'bin', 'next'), 'build'], {
        stdio: 'inherit',
      });
      if (build.status !== 0) throw new Error('next build failed');
    }
    const base = `http://127.0.0.1:${port}`;
    fs.mkdirSync(dir, { recursive: true });
    server = spawn(
      process.execPath,
      [
        // `--server-cpu-prof DIR`: a V8 CPU profile of the whole server run, written when it exits.
        ...(serverProf ? ['--cpu-prof', `--cpu-prof-dir=${path.resolve(serverProf)}`] : []),
        path.join('node_modules', 'next', 'dist', 'bin', 'next'),
        'start',
        '-p',
        String(port),
      ],
      {
        stdio: 'ignore',
        detached: true,
        env: {
          ...process.env,
          DATABASE_URL: url,
          WORKER: 'off',
          NODE_ENV: 'production',
          NEXTAUTH_URL: base,
          NEXTAUTH_SECRET: randomBytes(32).toString('base64'),
          APP_ENCRYPTION_KEY: process.env.APP_ENCRYPTION_KEY,
        },
      },
    );
    for (let i = 0; ; i++) {
      if (i > 240) throw new Error('server did not start');
      if (
        await fetch(`${base}/login`).then(
          (r) => r.ok,
          () => false,
        )
      )
        break;
      await new Promise((r) => setTimeout(r, 500));
    }

    let seq = 0;
    const apiOne = async () => {
      const res = await fetch(createRequest(base, key, orgId, catId, seq++));
      const json = (await res.json()) as { header: { resultCode: number; resultMessage: string } };
      if (json.header.resultCode !== 200) throw new Error(`${json.header.resultCode} ${json.header.resultMessage}`);
    };
    // Fails loudly before measuring if the route refuses.
    await apiOne();

    const pool = new Pool({ connectionString: url, max: 20 });
    const baseOne = async () => {
      const c = await pool.connect();
      try {
        await c.query('BEGIN');
        const t = await c.query<{ id: string }>(
          `INSERT INTO tickets (service_id, number, subject, content, channel, language, intake_type_id, requester_name, requester_email, search_text)
           VALUES ($1, next_ticket_number($1), $2, $3, 'api', 'ko', $4, '홍길동', 'user@example.com', $2) RETURNING id`,
          [SERVICE, `결제 오류 문의 ${seq++}`, '카드 결제 시 오류 코드 E-102가 나옵니다.', catId],
        );
        await c.query(
          `INSERT INTO ticket_messages (service_id, ticket_id, kind, body) VALUES ($1, $2, 'inquiry', $3)`,
          [SERVICE, t.rows[0].id, '카드 결제 시 오류 코드 E-102가 나옵니다.'],
        );
        await c.query(
          `INSERT INTO ticket_history (service_id, ticket_id, actor_type, action) VALUES ($1, $2, 'customer', 'created')`,
          [SERVICE, t.rows[0].id],
        );
        await c.query('COMMIT');
      } catch (e) {
        await c.query('ROLLBACK').catch(() => {});
        throw e;
      } finally {
        c.release();
      }
    };

    const rows: string[] = [];
    const fmt = (r: Run) =>
      `${r.perSecond.toFixed(0).padStart(6)}/s  p50 ${r.p50.toFixed(1).padStart(6)} ms  p95 ${r.p95.toFixed(1).padStart(6)} ms`;
    // The floor of the same server: a route handler that reads nothing (GET /api/health), so the
    // share of Next's own request handling in the Open API figure is known.
    const floorOne = async () => {
      const res = await fetch(`${base}/api/health`);
      if (!res.ok) throw new Error(`health ${res.status}`);
      await res.arrayBuffer();
    };
    const results: Record<number, { api: Run; base: Run; floor: Run }> = {};
    for (const clients of only ? [Number(only)] : [1, 4, 16]) {
      const b = await measure(clients, seconds, baseOne);
      let cpu0 = 0;
      const a = await measure(clients, seconds, apiOne, () => (cpu0 = groupCpuMs(server!.pid!)));
      // The server's CPU over the measured requests (after the warm-up), per request.
      const serverCpu = (groupCpuMs(server.pid!) - cpu0) / (a.n + a.errors);
      let fcpu0 = 0;
      const f = await measure(clients, Math.min(seconds, 5), floorOne, () => (fcpu0 = groupCpuMs(server!.pid!)));
      const floorCpu = (groupCpuMs(server.pid!) - fcpu0) / (f.n + f.errors);
      results[clients] = { api: a, base: b, floor: f };
      const ratio = a.perSecond / b.perSecond;
      const line = `c=${String(clients).padStart(2)}  Open API ${fmt(a)}${a.errors ? ` (${a.errors} errors)` : ''}  |  baseline ${fmt(b)}  |  ratio ${(ratio * 100).toFixed(0)} %  |  empty route ${fmt(f)}  |  server CPU ${serverCpu.toFixed(1)} ms/ticket, ${floorCpu.toFixed(1)} ms/empty request  ${load()}`;
      console.log(line);
      rows.push(
        `| ${clients} | ${a.perSecond.toFixed(0)} | ${a.p50.toFixed(1)} | ${a.p95.toFixed(1)} | ${b.perSecond.toFixed(0)} | ${b.p95.toFixed(1)} | ${(ratio * 100).toFixed(0)} % | ${f.perSecond.toFixed(0)} | ${f.p50.toFixed(1)} |`,
      );
    }
    await pool.end();
    if (only) return;
    const scale = results[4].api.perSecond / results[1].api.perSecond;
    console.log(
      `\nscaling 1 → 4 clients: ${scale.toFixed(2)}× (target ≥ 2.5×); p95 at 4: ${results[4].api.p95.toFixed(1)} ms (≤ 20), at 16: ${results[16].api.p95.toFixed(1)} ms (≤ 50); ${load()}`,
    );
    console.log(
      '\n| clients | Open API tickets/s | p50 ms | p95 ms | baseline tickets/s | baseline p95 ms | ratio | empty route req/s | empty route p50 ms |\n|---:|---:|---:|---:|---:|---:|---:|---:|---:|',
    );
    for (const r of rows) console.log(r);
  } finally {
    if (server?.pid) {
      if (serverProf) {
        // A profiled server must exit on its own to write its profile: SIGINT to it alone, then wait.
        const exited = new Promise((resolve) => server!.once('exit', resolve));
        if (server.exitCode === null) process.kill(server.pid, 'SIGINT');
        await Promise.race([exited, new Promise((r) => setTimeout(r, 15_000))]);
      }
      try {
        process.kill(-server.pid, 'SIGTERM');
      } catch {
        /* already gone */
      }
    }
    await closeDb();
    await pg?.stop().catch(() => {});
  }
}

main().then(
  () => process.exit(0),
  (err) => {
    console.error('[bench:intake] failed:', err instanceof Error ? err.stack : err);
    process.exit(1);
  },
);
