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
import type { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { count, eq } from 'drizzle-orm';
import { tickets } from '@/db/schema';
import { ensureFirstStart } from '@/lib/bootstrap/first-start';
import { closeDb, getDb } from '@/db';
import { startEmbeddedPostgres } from '@/db/embedded';
import { ensureDatabase, runMigrations } from '@/db/migrate';
import { parseTimeCursor } from '@/db/pagination';
import { ensureSeedWorld } from './bench-data/world';
import { countTickets, listTickets, menuCounts, type TicketFilter, type ListScope } from '@/lib/tickets/list-tickets';
import { LIST_MENUS } from '@/lib/tickets/list-menus';
import { CASES, PASSWORD, SERVICE, type Case } from './bench-tickets/cases';
import { printPlans } from './bench-tickets/explain';
import { ensureBuild, logIn, startServer, waitForServer } from './bench-tickets/http';
import { busyTarget } from './bench-tickets/target';
import { line, load, ms, time } from './bench-db';
import { argOf, seedTickets } from './seed-tickets';

const QUERY_BUDGET = 20;
const PAGE_BUDGET = 120;
const DEEP = 200;

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

    const { busy, mid, groupIds, login, subtree } = await busyTarget(db, world);
    console.log(
      `[bench:tickets] busy agent ${login.name} (${login.loginId}, ${busy.n.toLocaleString('en')} tickets, ${groupIds.length} groups); subtree ${mid.name} (level 2, ${subtree.toLocaleString('en')} tickets)`,
    );

    const cases = CASES;
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

    await printPlans(url, cases, deep, scopeOf, groupIds, mid.path);
    await closeDb();

    if (args.includes('--no-http')) return;
    ensureBuild();
    const base = `http://localhost:${port}`;
    server = startServer(base, port, dir, url);
    await waitForServer(base);
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

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
