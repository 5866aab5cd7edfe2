/**
 * `npm run bench:tickets [-- --reuse] [--count N] [--runs N] [--no-http]` (tsx with the
 * react-server condition, which lets the `server-only` modules load outside Next): measures the
 * ticket list budgets of issue 6 with 1,000,000 tickets in one service.
 *
 * On a fresh embedded database in .data/bench (or BENCH_DATABASE_URL) it seeds the `bench`
 * service (scripts/seed-tickets.ts); `--reuse` keeps a bench database that already holds the
 * tickets. Then, for every list menu with status + intake-subtree + assignee filters (a busy
 * agent, the busiest level-2 category; a menu that fixes its status or assignee takes the other
 * filters), it times listTickets on the first page and on a deep keyset page (page 200 reached by
 * following cursors, or the last page when the filter has fewer), countTickets and menuCounts:
 * p50/p95 over `--runs` (default 60) runs beside the 20 ms budget. It prints EXPLAIN (ANALYZE,
 * BUFFERS) of the main list query, then starts the production server (`next build` first if
 * missing), logs in as the busy agent and times the server-rendered list page over HTTP
 * against the 120 ms budget.
 */
import { spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { and, count, desc, eq, isNotNull, sql } from 'drizzle-orm';
import { drizzle } from 'drizzle-orm/node-postgres';
import { Pool } from 'pg';
import * as schema from '@/db/schema';
import { categories, serviceMembers, tickets } from '@/db/schema';
import { ensureFirstStart } from '@/lib/bootstrap/first-start';
import { closeDb, getDb, type Db } from '@/db';
import { startEmbeddedPostgres } from '@/db/embedded';
import { ensureDatabase, runMigrations } from '@/db/migrate';
import { parseTimeCursor } from '@/db/pagination';
import { ensureSeedWorld } from './bench-data/world';
import { agentGroups } from '@/lib/tickets/assignable';
import { countTickets, listTickets, menuCounts, type ListScope, type TicketFilter } from '@/lib/tickets/list-tickets';
import { LIST_MENUS, type ListMenu } from '@/lib/tickets/list-menus';
import type { TicketStatus } from '@/db/schema';
import { argOf, seedTickets } from './seed-tickets';

const SERVICE = 'bench';
const PASSWORD = 'bench-pass-2026';
const QUERY_BUDGET = 20;
const PAGE_BUDGET = 120;
const DEEP = 200;
const pct = (xs: number[], p: number) =>
  [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.ceil((xs.length * p) / 100) - 1)];
const ms = (x: number) => `${x.toFixed(1)} ms`;
const load = () =>
  `load ${os
    .loadavg()
    .map((l) => l.toFixed(2))
    .join(' ')}`;

async function time(runs: number, fn: () => Promise<unknown>): Promise<{ p50: number; p95: number; max: number }> {
  for (let i = 0; i < 3; i++) await fn();
  const xs: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    await fn();
    xs.push(performance.now() - t);
  }
  return { p50: pct(xs, 50), p95: pct(xs, 95), max: Math.max(...xs) };
}

function line(label: string, r: { p50: number; p95: number }, budget: number, extra = '') {
  const ok = r.p95 <= budget ? 'ok  ' : 'MISS';
  console.log(
    `${ok} ${label.padEnd(72)} p50 ${ms(r.p50).padStart(9)}  p95 ${ms(r.p95).padStart(9)}  (budget p95 ≤ ${budget} ms)${extra}`,
  );
  return r.p95 <= budget;
}

type Case = { label: string; menu: ListMenu; statuses?: TicketStatus[]; intake?: boolean; assignee?: boolean };

async function main() {
  const args = process.argv.slice(2);
  const reuse = args.includes('--reuse');
  const total = Number(argOf(args, 'count') ?? 1_000_000);
  const runs = Number(argOf(args, 'runs') ?? 60);
  const port = Number(process.env.BENCH_PORT ?? 3204);
  const dir = path.join('.data', 'bench');
  let pg: Awaited<ReturnType<typeof startEmbeddedPostgres>> | null = null;
  let url = process.env.BENCH_DATABASE_URL;
  if (!url) {
    if (!reuse) fs.rmSync(dir, { recursive: true, force: true });
    pg = await startEmbeddedPostgres(path.join(dir, 'postgres'), { quiet: true });
    url = await ensureDatabase(pg.url, 'contactdesk');
  }
  process.env.DATABASE_URL = url;
  let server: ReturnType<typeof spawn> | null = null;
  let misses = 0;
  try {
    console.log(
      `[bench:tickets] ${os.cpus().length} cores, ${load()}, database ${pg ? `embedded in ${dir}` : 'BENCH_DATABASE_URL'}`,
    );
    await runMigrations(url);
    const db = getDb();
    await ensureFirstStart(db, { ...process.env, SEED_ADMIN_LOGIN: 'benchadmin', SEED_ADMIN_PASSWORD: PASSWORD });
    const world = await ensureSeedWorld(db, { serviceId: SERVICE, password: PASSWORD });
    const [{ have }] = await db.select({ have: count() }).from(tickets).where(eq(tickets.serviceId, SERVICE));
    if (have < total) {
      if (have > 0 && !reuse)
        throw new Error(`the bench service holds ${have} tickets; start fresh (without --reuse) or pass --count`);
      console.log(`[bench:tickets] seeding ${(total - have).toLocaleString('en')} tickets…`);
      const r = await seedTickets(url, world, total - have, { dropIndexes: total - have > 50_000, quiet: true });
      console.log(
        `[bench:tickets] seeded in ${((r.insertMs + r.indexMs + r.analyzeMs) / 1000).toFixed(0)} s: insert ${Math.round((total - have) / (r.insertMs / 1000)).toLocaleString('en')} rows/s, indexes ${(r.indexMs / 1000).toFixed(0)} s`,
      );
    } else console.log(`[bench:tickets] reusing ${have.toLocaleString('en')} tickets`);

    // A busy agent (the one with most tickets) and the busiest level-2 intake category.
    const [busy] = await db
      .select({ memberId: tickets.assigneeId, n: count() })
      .from(tickets)
      .where(and(eq(tickets.serviceId, SERVICE), isNotNull(tickets.assigneeId)))
      .groupBy(tickets.assigneeId)
      .orderBy(desc(count()))
      .limit(1);
    const mids = await db
      .select({ id: categories.id, path: categories.path, name: categories.name })
      .from(categories)
      .where(and(eq(categories.serviceId, SERVICE), eq(categories.kind, 'intake'), eq(categories.depth, 2)));
    const perMid = await db.execute<{ path: string; n: number }>(
      sql`SELECT substr(intake_type_path, 1, 75) AS path, count(*)::int AS n FROM tickets WHERE service_id = ${SERVICE} AND intake_type_path IS NOT NULL GROUP BY 1 ORDER BY 2 DESC LIMIT 1`,
    );
    const mid = mids.find((m) => m.path === perMid.rows[0].path)!;
    const [agentRow] = await db
      .select({ id: serviceMembers.id })
      .from(serviceMembers)
      .where(and(eq(serviceMembers.serviceId, SERVICE), eq(serviceMembers.memberId, busy.memberId!)));
    const groupIds = await agentGroups(db, SERVICE, agentRow.id);
    const login = world.agents.find((a) => a.memberId === busy.memberId)!;
    const [{ subtree }] = await db
      .select({ subtree: count() })
      .from(tickets)
      .where(and(eq(tickets.serviceId, SERVICE), sql`${tickets.intakeTypePath} LIKE ${mid.path + '%'}`));
    console.log(
      `[bench:tickets] busy agent ${login.name} (${login.loginId}, ${busy.n.toLocaleString('en')} tickets, ${groupIds.length} groups); subtree ${mid.name} (level 2, ${subtree.toLocaleString('en')} tickets)`,
    );

    const cases: Case[] = [
      {
        label: 'all · status open · subtree · assignee',
        menu: 'all',
        statuses: ['open'],
        intake: true,
        assignee: true,
      },
      {
        label: 'all · status closed · subtree · assignee',
        menu: 'all',
        statuses: ['closed'],
        intake: true,
        assignee: true,
      },
      {
        label: 'all · status open+pending · subtree · assignee',
        menu: 'all',
        statuses: ['open', 'pending'],
        intake: true,
        assignee: true,
      },
      { label: 'all · status closed · subtree', menu: 'all', statuses: ['closed'], intake: true },
      { label: 'all · no filter', menu: 'all' },
      { label: 'mine_open · subtree', menu: 'mine_open', intake: true },
      { label: 'mine_pending · subtree', menu: 'mine_pending', intake: true },
      { label: 'mine_solved · subtree', menu: 'mine_solved', intake: true },
      { label: 'mine_closed · subtree', menu: 'mine_closed', intake: true },
      { label: 'unassigned · subtree', menu: 'unassigned', intake: true },
      {
        label: 'group · status open · subtree · assignee',
        menu: 'group',
        statuses: ['open'],
        intake: true,
        assignee: true,
      },
      {
        label: 'group · status closed · subtree · assignee',
        menu: 'group',
        statuses: ['closed'],
        intake: true,
        assignee: true,
      },
      {
        label: 'spam · status closed · subtree · assignee (matches nothing)',
        menu: 'spam',
        statuses: ['closed'],
        intake: true,
        assignee: true,
      },
      { label: 'spam · status closed', menu: 'spam', statuses: ['closed'] },
    ];
    if (!LIST_MENUS.every((m) => cases.some((c) => c.menu === m))) throw new Error('a list menu is not benchmarked');
    const scopeOf = (c: Case) => {
      const filter: TicketFilter = {
        statuses: c.statuses,
        intakePath: c.intake ? mid.path : undefined,
        assigneeId: c.assignee ? busy.memberId! : undefined,
      };
      return { serviceId: SERVICE, memberId: busy.memberId!, menu: c.menu, filter } satisfies Omit<ListScope, 'cursor'>;
    };
    /** Follows the cursors to page DEEP (or the last page); returns its cursor and number. */
    async function deepCursor(c: Case): Promise<{ cursor?: string; page: number; rows: number }> {
      let cursor: string | undefined;
      let page = 1;
      for (; page < DEEP; page++) {
        const r = await listTickets(db, { ...scopeOf(c), cursor: parseTimeCursor(cursor) }, groupIds);
        if (!r.next) break;
        cursor = r.next;
      }
      const r = await listTickets(db, { ...scopeOf(c), cursor: parseTimeCursor(cursor) }, groupIds);
      return { cursor, page, rows: r.rows.length };
    }

    console.log(`\nlistTickets / countTickets / menuCounts in process (${runs} runs each after 3 warm-ups), ${load()}`);
    const deep = new Map<Case, { cursor?: string; page: number }>();
    for (const c of cases) {
      const scope = scopeOf(c);
      const first = await listTickets(db, scope, groupIds);
      const d = await deepCursor(c);
      deep.set(c, d);
      if (
        !line(
          `list ${c.label}, page 1 (${first.rows.length} rows)`,
          await time(runs, () => listTickets(db, scope, groupIds)),
          QUERY_BUDGET,
        )
      )
        misses++;
      if (
        d.page > 1 &&
        !line(
          `list ${c.label}, page ${d.page} (${d.rows} rows)`,
          await time(runs, () => listTickets(db, { ...scope, cursor: parseTimeCursor(d.cursor) }, groupIds)),
          QUERY_BUDGET,
        )
      )
        misses++;
      const n = await countTickets(db, scope, groupIds);
      if (
        !line(
          `count ${c.label} (= ${n.toLocaleString('en')}${n > 10000 ? ', capped' : ''})`,
          await time(runs, () => countTickets(db, scope, groupIds)),
          QUERY_BUDGET,
        )
      )
        misses++;
    }
    if (
      !line(
        'menuCounts (8 capped counts, one round trip)',
        await time(runs, () => menuCounts(db, SERVICE, busy.memberId!, groupIds)),
        QUERY_BUDGET,
      )
    )
      misses++;

    // EXPLAIN of the main list query: the SQL listTickets sends, captured by a logger.
    const pool = new Pool({ connectionString: url, max: 1 });
    let captured: { q: string; params: unknown[] } | null = null;
    const spy = drizzle(pool, {
      schema,
      logger: { logQuery: (q, params) => (captured = { q, params }) },
    }) as unknown as Db;
    const main = cases[0];
    const closed = cases[1];
    for (const [c, label, cursor] of [
      [main, 'page 1', undefined],
      [closed, 'page 1', undefined],
      [closed, `page ${deep.get(closed)!.page}`, deep.get(closed)!.cursor],
    ] as const) {
      await listTickets(spy, { ...scopeOf(c), cursor: parseTimeCursor(cursor) }, groupIds);
      const { q, params } = captured!;
      const plan = await pool.query(`EXPLAIN (ANALYZE, BUFFERS) ${q}`, params);
      console.log(
        `\nEXPLAIN (ANALYZE, BUFFERS) list ${c.label}, ${label}:\n${q}\n-- params ${JSON.stringify(params)}\n${plan.rows.map((r) => r['QUERY PLAN']).join('\n')}`,
      );
    }
    {
      const q = `SELECT count(*)::int AS n FROM (SELECT 1 FROM tickets WHERE service_id = $1 AND spam = false AND status = 'closed' AND intake_type_path LIKE $2 LIMIT 10001) s`;
      const plan = await pool.query(`EXPLAIN (ANALYZE, BUFFERS) ${q}`, [SERVICE, mid.path + '%']);
      console.log(
        `\nEXPLAIN (ANALYZE, BUFFERS) count all · status closed · subtree:\n${plan.rows.map((r) => r['QUERY PLAN']).join('\n')}`,
      );
    }
    await pool.end();
    await closeDb();

    if (args.includes('--no-http')) return;
    if (!fs.existsSync(path.join('.next', 'BUILD_ID'))) {
      console.log('[bench:tickets] no production build yet: running `next build` first');
      const build = spawnSync(process.execPath, [path.join('node_modules', 'next', 'dist', 'bin', 'next'), 'build'], {
        stdio: 'inherit',
      });
      if (build.status !== 0) throw new Error('next build failed');
    }
    const base = `http://localhost:${port}`;
    // The bench keeps its own secrets beside its database (its tickets hold no encrypted values).
    const secret = (name: string) => {
      const file = path.join(dir, name);
      fs.mkdirSync(dir, { recursive: true });
      if (!fs.existsSync(file)) fs.writeFileSync(file, randomBytes(32).toString('base64'), { mode: 0o600 });
      return fs.readFileSync(file, 'utf8').trim();
    };
    server = spawn(
      process.execPath,
      [path.join('node_modules', 'next', 'dist', 'bin', 'next'), 'start', '-p', String(port)],
      {
        stdio: 'ignore',
        detached: true,
        env: {
          ...process.env,
          DATABASE_URL: url,
          WORKER: 'off',
          NODE_ENV: 'production',
          NEXTAUTH_URL: base,
          NEXTAUTH_SECRET: secret('auth-secret'),
          APP_ENCRYPTION_KEY: process.env.APP_ENCRYPTION_KEY ?? secret('encryption-key'),
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
    const cookie = await logIn(base, login.loginId);
    console.log(
      `\nserver-rendered list page over HTTP (next start, logged in as ${login.loginId}; ${runs} runs each after 3 warm-ups), ${load()}`,
    );
    const urlOf = (c: Case, cursor?: string) => {
      const u = new URLSearchParams({ menu: c.menu });
      c.statuses?.forEach((s) => u.append('status', s));
      if (c.intake) u.set('intake', mid.id);
      if (c.assignee) u.set('assignee', busy.memberId!);
      if (cursor) u.set('cursor', cursor);
      return `${base}/${SERVICE}/tickets?${u}`;
    };
    let bytes = 0;
    const get = async (u: string) => {
      const res = await fetch(u, { headers: { cookie } });
      const html = await res.text();
      if (res.status !== 200 || !html.includes('/bench/tickets/')) throw new Error(`${u} answered ${res.status}`);
      bytes = html.length;
    };
    const baseline = await time(runs, () =>
      get(`${base}/${SERVICE}/tickets?menu=spam&status=closed&intake=${mid.id}&assignee=${busy.memberId}`).catch(
        () => undefined,
      ),
    );
    console.log(`     (page with an empty list, for reference: p50 ${ms(baseline.p50)}, p95 ${ms(baseline.p95)})`);
    for (const c of cases.filter((x) => x.menu !== 'spam' || !x.intake)) {
      if (
        !line(
          `page ${c.label}, page 1`,
          await time(runs, () => get(urlOf(c))),
          PAGE_BUDGET,
          `, ${(bytes / 1024).toFixed(0)} KB`,
        )
      )
        misses++;
      const d = deep.get(c)!;
      if (
        d.page > 1 &&
        !line(`page ${c.label}, page ${d.page}`, await time(runs, () => get(urlOf(c, d.cursor))), PAGE_BUDGET)
      )
        misses++;
    }
  } finally {
    console.log(`\n[bench:tickets] done, ${misses} figure(s) over budget, ${load()}`);
    if (server?.pid) {
      try {
        process.kill(-server.pid, 'SIGTERM');
      } catch {
        /* already gone */
      }
      await new Promise((r) => setTimeout(r, 1500));
    }
    await closeDb();
    await pg?.stop();
  }
  if (misses) process.exitCode = 1;
}

async function logIn(base: string, loginId: string): Promise<string> {
  const csrfRes = await fetch(`${base}/api/auth/csrf`);
  const { csrfToken } = (await csrfRes.json()) as { csrfToken: string };
  const jar = csrfRes.headers.getSetCookie().map((c) => c.split(';')[0]);
  const res = await fetch(`${base}/api/auth/callback/credentials`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: jar.join('; ') },
    body: new URLSearchParams({ csrfToken, login: loginId, password: PASSWORD, json: 'true' }),
  });
  const cookies = [...jar, ...res.headers.getSetCookie().map((c) => c.split(';')[0])];
  if (!cookies.some((c) => c.includes('session-token'))) throw new Error(`login failed (${res.status})`);
  return cookies.join('; ');
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
