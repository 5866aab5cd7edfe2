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
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Pool } from 'pg';
import { closeDb } from '@/db';
import { startEmbeddedPostgres } from '@/db/embedded';
import { runMigrations } from '@/db/migrate';
import { groupCpuMs, load, measure, type Run } from './bench-intake/measure';
import { profile } from './bench-intake/profile';
import { createRequest } from './bench-intake/request';
import { DB_NAME, freshDatabase, seed, SERVICE } from './bench-intake/seed';

const argOf = (args: string[], name: string) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : undefined;
};

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
