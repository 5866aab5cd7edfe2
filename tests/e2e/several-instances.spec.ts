/**
 * Several instances (issue 19 item 4): two app processes of ONE production build and one separate
 * worker on one database, attachments in an S3-compatible bucket (a local S3 server in this
 * process), behind a test load balancer that sends each request to the instance the test names.
 *
 * A Playwright spec rather than jest: it needs a production build, which CI already makes for the
 * browser tests (`npm run test:e2e`); building again inside jest would cost minutes.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { Client } from 'pg';
import type { Browser, Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { startLocalS3, type LocalS3 } from '../helpers/s3-server';

const base = Number(process.env.E2E_PORT ?? 3100);
const PORTS = { a: base + 20, b: base + 21 } as const;
const LB_PORT = base + 22;
const LB = `http://localhost:${LB_PORT}`;
const ADMIN = { login: 'multi-admin', password: 'multi-admin-pass-1' };
const SUBMIT_LIMIT = 5;
type Instance = keyof typeof PORTS;

/** The load balancer: every request to the instance `to` names, and a log of where each went. */
const lb = { to: 'a' as Instance, seen: [] as { method: string; path: string; by: Instance }[] };
const balancer = http.createServer((req, res) => {
  const by = lb.to;
  lb.seen.push({ method: req.method!, path: req.url!, by });
  const up = http.request(
    { host: '127.0.0.1', port: PORTS[by], method: req.method, path: req.url, headers: req.headers },
    (r) => {
      res.writeHead(r.statusCode!, r.headers);
      r.pipe(res);
    },
  );
  up.on('error', () => {
    if (!res.headersSent) res.writeHead(502);
    res.end();
  });
  req.pipe(up);
});

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'cd-multi-'));
fs.chmodSync(tmp, 0o755);
const children: ChildProcess[] = [];
let s3: LocalS3;
let dbUrl: string | null = null;
let dropDb: (() => Promise<void>) | null = null;

function startProcess(name: string, args: string[], env: NodeJS.ProcessEnv): ChildProcess {
  const child = spawn(process.execPath, [path.join('node_modules', 'tsx', 'dist', 'cli.mjs'), ...args], {
    env,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  const keep = (c: Buffer) => {
    out = (out + c.toString()).slice(-4000);
  };
  child.stdout!.on('data', keep);
  child.stderr!.on('data', keep);
  child.on('exit', (code) => {
    if (code && code !== 0) console.error(`[${name}] exited with ${code}:\n${out}`);
  });
  children.push(child);
  return child;
}

/** Waits for /api/health (process up) or /api/ready (database, migrations and job queue). */
async function waitFor(
  check: 'health' | 'ready',
  port: number,
  child: ChildProcess,
  timeoutMs = 180_000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`the process for port ${port} exited`);
    const ok = await fetch(`http://127.0.0.1:${port}/api/${check}`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) return;
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`port ${port} was not ready in time`);
}

async function stopAll(): Promise<void> {
  // The worker and the second app first; the first app last (it may own the embedded PostgreSQL).
  for (const c of [...children].reverse()) {
    if (c.exitCode !== null || c.signalCode !== null) continue;
    const exited = new Promise((r) => c.once('exit', r));
    process.kill(-c.pid!, 'SIGTERM');
    await Promise.race([exited, new Promise((r) => setTimeout(r, 10_000))]);
    if (c.exitCode === null && c.signalCode === null) process.kill(-c.pid!, 'SIGKILL');
  }
}

test.describe.configure({ mode: 'serial' });

test.beforeAll(async () => {
  test.setTimeout(420_000);
  s3 = await startLocalS3();
  await new Promise<void>((r) => balancer.listen(LB_PORT, '127.0.0.1', r));
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    ...s3.env,
    NEXTAUTH_URL: LB,
    APP_URL: LB,
    // Shared by every instance: sessions, help-center form tokens and the master key.
    NEXTAUTH_SECRET: randomBytes(32).toString('base64'),
    APP_ENCRYPTION_KEY: randomBytes(32).toString('base64'),
    WORKER: 'off',
    // Must stay empty: attachments go to the bucket.
    ATTACHMENTS_DIR: path.join(tmp, 'local-attachments'),
    MAIL_DIR: path.join(tmp, 'mail'),
    HELPCENTER_SUBMIT_LIMIT: String(SUBMIT_LIMIT),
    SEED_ADMIN_LOGIN: ADMIN.login,
    SEED_ADMIN_PASSWORD: ADMIN.password,
    SEED_DEMO_AGENTS_PASSWORD: 'multi-agent-pass-1',
    EMBEDDED_PG_DIR: path.join(tmp, 'postgres'),
  };
  for (const k of ['SMTP_URL', 'MAIL_DOMAIN', 'SMTP_RECEIVER_PORT', 'SMTP_RECEIVER_HOST', 'HOSTNAME_BIND'])
    delete env[k];
  if (process.env.DATABASE_URL) {
    // A database of its own on the server the other browser tests use.
    const name = `contactdesk_multi_${Date.now()}`;
    const admin = new URL(process.env.DATABASE_URL);
    admin.pathname = '/postgres';
    const c = new Client({ connectionString: admin.toString() });
    await c.connect();
    await c.query(`CREATE DATABASE "${name}"`);
    await c.end();
    const u = new URL(process.env.DATABASE_URL);
    u.pathname = `/${name}`;
    dbUrl = env.DATABASE_URL = u.toString();
    dropDb = async () => {
      const d = new Client({ connectionString: admin.toString() });
      await d.connect();
      await d.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await d.end();
    };
  } else {
    delete env.DATABASE_URL;
  }
  // The first instance brings the database up (embedded, when there is no DATABASE_URL) and seeds it;
  // the second and the worker join it, as a second host would.
  const a = startProcess('app a', ['scripts/run.ts', 'start'], { ...env, PORT: String(PORTS.a) });
  await waitFor('health', PORTS.a, a);
  const joinEnv = { ...env };
  delete joinEnv.SEED_DEMO_AGENTS_PASSWORD;
  const b = startProcess('app b', ['scripts/run.ts', 'start'], { ...joinEnv, PORT: String(PORTS.b) });
  // The job queue's schema comes from the worker: both instances are ready once it runs.
  startProcess('worker', ['scripts/worker.ts'], joinEnv);
  await waitFor('ready', PORTS.b, b);
  await waitFor('ready', PORTS.a, a);
  if (!dbUrl)
    dbUrl = fs
      .readFileSync(`${path.join(tmp, 'postgres')}.url`, 'utf8')
      .trim()
      .replace(/\/postgres$/, '/contactdesk');
});

test.afterAll(async () => {
  test.setTimeout(120_000);
  await stopAll();
  balancer.closeAllConnections();
  await new Promise((r) => balancer.close(r));
  await s3?.close();
  await dropDb?.().catch(() => {});
  fs.rmSync(tmp, { recursive: true, force: true });
});

async function query<T>(sql: string, params: unknown[] = []): Promise<T[]> {
  const c = new Client({ connectionString: dbUrl! });
  await c.connect();
  try {
    return (await c.query(sql, params)).rows as T[];
  } finally {
    await c.end();
  }
}

const suffix = Date.now().toString(36);
const type = `결제${suffix}`;
const RECEIPT = Buffer.from(`%PDF-1.7\n영수증 ${suffix}\n`);

async function customer(browser: Browser): Promise<Page> {
  const context = await browser.newContext({ locale: 'ko-KR', baseURL: LB });
  return context.newPage();
}

/** The help-center form opened on one instance and posted to the other (the form token travels). */
async function inquire(page: Page, subject: string, openOn: Instance, postTo: Instance, attach = false) {
  lb.to = openOn;
  await page.goto('/demo/hc/ko');
  await page.getByRole('radio', { name: type }).check();
  await page.getByRole('button', { name: '유형 선택' }).click();
  await page.getByLabel('제목').fill(subject);
  await page.getByLabel('내용').fill('결제가 두 번 되었습니다.');
  await page.getByLabel('이름').fill('홍길동');
  // One address per inquiry: confirmations are limited to 3 a day per address.
  await page.getByLabel('이메일').fill(`hong.${subject.replace(/\D/g, '')}@example.com`);
  if (attach)
    await page
      .getByLabel('첨부파일')
      .setInputFiles({ name: '영수증.pdf', mimeType: 'application/pdf', buffer: RECEIPT });
  await page.getByLabel('개인정보수집 및 이용 동의').check();
  lb.to = postTo;
  const posted = lb.seen.length;
  await page.getByRole('button', { name: '문의 접수' }).click();
  return () => lb.seen.slice(posted).filter((r) => r.method === 'POST');
}

test('two app instances and a worker on one database: session, server actions, round-robin, attachments, rate limit and form tokens across both', async ({
  browser,
}) => {
  test.setTimeout(300_000);
  const page = await browser.newPage({ baseURL: LB });

  await test.step('an admin logs in on instance a, and a server action on instance b accepts the session', async () => {
    lb.to = 'a';
    await page.goto('/login');
    await page.getByLabel('아이디 또는 이메일').fill(ADMIN.login);
    await page.getByLabel('비밀번호').fill(ADMIN.password);
    await page.getByRole('button', { name: '로그인' }).click();
    await expect(page.getByRole('button', { name: '로그아웃' })).toBeVisible();
    expect(lb.seen.some((r) => r.by === 'a' && r.method === 'POST')).toBe(true);

    lb.to = 'b';
    const before = lb.seen.length;
    await page.goto('/demo/settings/categories');
    await page.getByRole('button', { name: '1뎁스 카테고리 추가' }).click();
    await page.getByRole('dialog').getByLabel('카테고리명 (ko)').fill(type);
    await page.getByRole('dialog').getByRole('button', { name: '추가' }).click();
    await expect(page.getByTestId(`category-row-${type}`)).toBeVisible();
    const posts = lb.seen.slice(before).filter((r) => r.method === 'POST');
    expect(posts.length).toBeGreaterThan(0);
    expect(posts.every((r) => r.by === 'b')).toBe(true);
  });

  await test.step('a round-robin trigger to the 결제 group (saved on instance a)', async () => {
    lb.to = 'a';
    await page.goto('/demo/settings/triggers');
    await page.getByRole('link', { name: '트리거 추가' }).click();
    await page.getByRole('textbox', { name: '제목', exact: true }).fill(`결제 배정 ${suffix}`);
    await page.getByLabel('조건 1의 대상').selectOption('intakeType');
    await page.getByLabel('조건 1의 조건', { exact: true }).selectOption('is_within');
    await page.getByLabel('조건 1의 조건 값').selectOption({ label: type });
    await page.getByLabel('결과 1의 그룹').selectOption({ label: '결제' });
    await page.getByLabel('결과 1의 배분 방식').selectOption('round_robin');
    await page.getByRole('button', { name: '저장' }).click();
    await expect(page.getByTestId(`trigger-결제 배정 ${suffix}`)).toBeVisible();
  });

  const cust = await customer(browser);
  await test.step('inquiries alternate between the instances, each form posted to the other one; the first carries an attachment', async () => {
    for (let i = 0; i < 4; i++) {
      const [openOn, postTo]: [Instance, Instance] = i % 2 ? ['b', 'a'] : ['a', 'b'];
      const posts = await inquire(cust, `이중 결제 ${suffix} #${i}`, openOn, postTo, i === 0);
      await expect(cust.getByRole('heading', { name: '문의가 접수되었습니다' })).toBeVisible();
      expect(posts().every((r) => r.by === postTo)).toBe(true);
      if (i === 0) {
        // Written to the bucket by instance b, read back through instance a.
        lb.to = 'a';
        const href = await cust.getByRole('link', { name: '영수증.pdf' }).getAttribute('href');
        const res = await cust.request.get(href!);
        expect(res.status()).toBe(200);
        expect(Buffer.from(await res.body()).equals(RECEIPT)).toBe(true);
        expect(lb.seen.at(-1)!.by).toBe('a');
      }
    }
  });

  await test.step('round-robin is fair across both instances: the two 결제 agents take turns', async () => {
    const rows = await query<{ subject: string; assignee: string | null }>(
      `SELECT t.subject, m.name AS assignee FROM tickets t LEFT JOIN members m ON m.id = t.assignee_id WHERE t.subject LIKE $1 ORDER BY t.created_at`,
      [`이중 결제 ${suffix} #%`],
    );
    expect(rows).toHaveLength(4);
    const names = rows.map((r) => r.assignee);
    expect(names.every(Boolean)).toBe(true);
    expect(new Set(names).size).toBe(2);
    expect(names[0]).not.toBe(names[1]);
    expect(names[2]).toBe(names[0]);
    expect(names[3]).toBe(names[1]);
  });

  await test.step('the rate limit counts across instances: the 6th inquiry from one address is refused wherever it lands', async () => {
    await inquire(cust, `이중 결제 ${suffix} #4`, 'b', 'a');
    await expect(cust.getByRole('heading', { name: '문의가 접수되었습니다' })).toBeVisible();
    // Each instance has seen only three of these posts; together they are over the limit of five.
    await inquire(cust, `이중 결제 ${suffix} #5`, 'a', 'b');
    await expect(cust.getByText(/요청이 너무 많습니다/)).toBeVisible();
  });

  await test.step('the attachment is in the bucket, not on an instance disk; the separate worker sent the confirmation mails', async () => {
    expect(fs.existsSync(path.join(tmp, 'local-attachments'))).toBe(false);
    const [att] = await query<{ storage_key: string; sha256: string }>(
      `SELECT a.storage_key, a.sha256 FROM ticket_attachments a JOIN tickets t ON t.id = a.ticket_id WHERE t.subject = $1`,
      [`이중 결제 ${suffix} #0`],
    );
    expect(att.sha256).toBe(createHash('sha256').update(RECEIPT).digest('hex'));
    await expect
      .poll(
        () =>
          fs.existsSync(path.join(tmp, 'mail'))
            ? fs.readdirSync(path.join(tmp, 'mail')).filter((f) => f.endsWith('.eml')).length
            : 0,
        { timeout: 30_000 },
      )
      .toBeGreaterThanOrEqual(5);
  });
  await cust.context().close();
  await page.close();
});
