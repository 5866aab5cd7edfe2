import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const ROOT = path.join(__dirname, '../..');
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cd-restart-'));
fs.chmodSync(dir, 0o755);
const children: ChildProcess[] = [];

/** Starts the stand-in app in its own process group and resolves with what it printed first. */
function start(
  pgDir = path.join(dir, 'postgres'),
  extra: Record<string, string> = {},
): Promise<{ child: ChildProcess; line: string }> {
  const env = { ...process.env, EMBEDDED_PG_DIR: pgDir, ...extra } as NodeJS.ProcessEnv;
  delete env.DATABASE_URL;
  const child = spawn(process.execPath, ['--import', 'tsx', 'tests/helpers/embedded-lifecycle.ts'], {
    cwd: ROOT,
    env,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  return new Promise((resolve, reject) => {
    let out = '';
    let err = '';
    child.stdout!.on('data', (c) => {
      out += c;
      const line = out.split('\n').find((l) => /^(READY|FAILED)/.test(l));
      if (line) resolve({ child, line });
    });
    child.stderr!.on('data', (c) => (err += c));
    child.on('exit', (code) => reject(new Error(`exited with ${code} before it was ready: ${out}${err}`)));
  });
}

afterAll(async () => {
  for (const c of children) if (c.exitCode === null) process.kill(-c.pid!, 'SIGKILL');
  await new Promise((r) => setTimeout(r, 1000));
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('the embedded PostgreSQL across restarts', () => {
  it('comes up with its data every time when started again at once after TERM to the process group (20 times)', async () => {
    for (let i = 1; i <= 20; i++) {
      const { child, line } = await start();
      expect(line).toBe(`READY ${i}`);
      // As a terminal's Ctrl+C or a service manager does: the signal reaches every process of the
      // group (PostgreSQL too), and the next start does not wait for the old one to be gone.
      process.kill(-child.pid!, 'SIGTERM');
    }
  }, 300_000);
});

describe('an embedded PostgreSQL that cannot start', () => {
  const data = path.join(dir, 'broken');
  const stopped = (c: ChildProcess) => new Promise((r) => (c.exitCode !== null ? r(null) : c.on('exit', r)));

  it("says why: a live holder of the folder is waited for and named, and PostgreSQL's own FATAL line is shown", async () => {
    const first = await start(data);
    expect(first.line).toBe('READY 1');
    process.kill(-first.child.pid!, 'SIGTERM');
    await stopped(first.child);

    // A process that still holds postmaster.pid (here: this test itself) is waited for, then named.
    fs.writeFileSync(path.join(data, 'postmaster.pid'), `${process.pid}\n${data}\n`);
    const held = await start(data, { EMBEDDED_PG_WAIT_MS: '500' });
    expect(held.line).toContain(`another PostgreSQL (pid ${process.pid}) is still running`);
    fs.rmSync(path.join(data, 'postmaster.pid'));

    // A setting PostgreSQL refuses: the message carries its FATAL line instead of nothing.
    fs.appendFileSync(path.join(data, 'postgresql.conf'), "\nnot_a_real_setting = 'x'\n");
    const refused = await start(data);
    expect(refused.line).toMatch(/did not start: .*not_a_real_setting.*FATAL: +configuration file .* contains errors/);
  }, 120_000);
});
