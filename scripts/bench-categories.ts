/**
 * `npm run bench:categories` (tsx with the react-server condition, which lets the
 * `server-only` modules load outside Next): re-measures the category budgets of issue 4 on a fresh
 * embedded database (.data/bench-categories): seeds a 5,000-category intake tree and a 10,000
 * one, times the export of 10,000 in process, then starts the production build (`next build`
 * first if missing) and times the server-side render of the 5,000-category tab over HTTP.
 * Prints one line per figure beside its budget.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { ensureFirstStart } from '@/lib/bootstrap/first-start';
import { services } from '@/db/schema';
import { exportCategories } from '@/lib/categories/export';
import { seedCategoryTree } from '@/lib/categories/seed-tree';
import { getCategoryTree } from '@/lib/categories/tree';
import { closeDb, getDb } from '@/db';
import { startEmbeddedPostgres } from '@/db/embedded';
import { ensureDatabase, runMigrations } from '@/db/migrate';

const PORT = Number(process.env.BENCH_PORT ?? 3202);
const LOGIN = 'benchadmin';
const PASSWORD = 'bench-pass-2026';
const pct = (xs: number[], p: number) =>
  [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((xs.length * p) / 100))];

async function logIn(base: string): Promise<string> {
  const csrfRes = await fetch(`${base}/api/auth/csrf`);
  const { csrfToken } = (await csrfRes.json()) as { csrfToken: string };
  const jar = csrfRes.headers.getSetCookie().map((c) => c.split(';')[0]);
  const res = await fetch(`${base}/api/auth/callback/credentials`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: jar.join('; ') },
    body: new URLSearchParams({ csrfToken, login: LOGIN, password: PASSWORD, json: 'true' }),
  });
  const cookies = [...jar, ...res.headers.getSetCookie().map((c) => c.split(';')[0])];
  if (!cookies.some((c) => c.includes('session-token'))) throw new Error(`login failed (${res.status})`);
  return cookies.join('; ');
}

async function main() {
  const dir = path.join('.data', 'bench-categories');
  fs.rmSync(dir, { recursive: true, force: true });
  const pg = await startEmbeddedPostgres(path.join(dir, 'postgres'), { quiet: true });
  const url = await ensureDatabase(pg.url, 'contactdesk');
  process.env.DATABASE_URL = url;
  let server: ReturnType<typeof spawn> | null = null;
  try {
    await runMigrations(url);
    const db = getDb();
    await ensureFirstStart(db, { ...process.env, SEED_ADMIN_LOGIN: LOGIN, SEED_ADMIN_PASSWORD: PASSWORD });
    await db
      .insert(services)
      .values([
        { id: 'bench5k', name: 'Bench 5k' },
        { id: 'bench10k', name: 'Bench 10k' },
        { id: 'benchempty', name: 'Bench empty' },
      ])
      .onConflictDoNothing();
    await seedCategoryTree(db, 'bench5k', 'intake', 5000);
    await seedCategoryTree(db, 'bench10k', 'intake', 10_000);

    const tree: number[] = [];
    for (let i = 0; i < 10; i++) {
      const t = performance.now();
      await getCategoryTree(db, 'bench5k', 'intake', 'ko');
      tree.push(performance.now() - t);
    }
    console.log(
      `tree read, 5,000 categories (query + nesting): p50 ${pct(tree, 50).toFixed(1)} ms, max ${Math.max(...tree).toFixed(1)} ms`,
    );

    const rssBefore = process.memoryUsage().rss;
    let peak = rssBefore;
    const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 10);
    const exp: number[] = [];
    let size = 0;
    for (let i = 0; i < 3; i++) {
      const t = performance.now();
      size = (
        await exportCategories(db, { serviceId: 'bench10k', kind: 'intake', languages: ['ko', 'en'], locale: 'ko' })
      ).length;
      exp.push(performance.now() - t);
    }
    clearInterval(timer);
    console.log(
      `export, 10,000 categories: p50 ${pct(exp, 50).toFixed(0)} ms, max ${Math.max(...exp).toFixed(0)} ms (budget 2000 ms), ${(size / 1024).toFixed(0)} KB, peak RSS +${((peak - rssBefore) / 1048576).toFixed(0)} MB (budget 200 MB)`,
    );
    await closeDb();

    const base = `http://localhost:${PORT}`;
    server = spawn(process.execPath, [path.join('node_modules', 'tsx', 'dist', 'cli.mjs'), 'scripts/run.ts', 'start'], {
      stdio: 'ignore',
      env: { ...process.env, PORT: String(PORT), DATABASE_URL: url },
      detached: true,
    });
    for (let i = 0; ; i++) {
      if (i > 600) throw new Error('server did not start');
      const ok = await fetch(`${base}/login`).then(
        (r) => r.ok,
        () => false,
      );
      if (ok) break;
      await new Promise((r) => setTimeout(r, 500));
    }
    const cookie = await logIn(base);
    // The same tab of a service without categories is the baseline: auth, layout, shell.
    for (const [service, label] of [
      ['benchempty', 'baseline: empty tree'],
      ['bench5k', '5,000 categories'],
    ] as const) {
      const page: number[] = [];
      let bytes = 0;
      for (let i = 0; i < 13; i++) {
        const t = performance.now();
        const res = await fetch(`${base}/${service}/settings/categories?tab=intake`, { headers: { cookie } });
        const html = await res.text();
        if (res.status !== 200 || (service === 'bench5k' && !html.includes('L1-0')))
          throw new Error(`page answered ${res.status}`);
        if (i >= 3) page.push(performance.now() - t);
        bytes = html.length;
      }
      console.log(
        `tab render (SSR over HTTP), ${label}: p50 ${pct(page, 50).toFixed(0)} ms, p95 ${pct(page, 95).toFixed(0)} ms (budget 300 ms), ${(bytes / 1024).toFixed(0)} KB HTML`,
      );
    }
  } finally {
    if (server?.pid) {
      try {
        process.kill(-server.pid, 'SIGTERM');
      } catch {
        /* already gone */
      }
      await new Promise((r) => setTimeout(r, 1500));
    }
    await closeDb();
    await pg.stop();
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
