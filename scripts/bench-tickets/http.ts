import { spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { PASSWORD } from './cases';

/** Runs `next build` when there is no production build yet. */
export function ensureBuild() {
  if (!fs.existsSync(path.join('.next', 'BUILD_ID'))) {
    console.log('[bench:tickets] no production build yet: running `next build` first');
    const build = spawnSync(process.execPath, [path.join('node_modules', 'next', 'dist', 'bin', 'next'), 'build'], {
      stdio: 'inherit',
    });
    if (build.status !== 0) throw new Error('next build failed');
  }
}

/** Starts `next start` on `port` against `url`; the bench keeps the server's secrets in `dir`. */
export function startServer(base: string, port: number, dir: string, url: string) {
  // The bench keeps its own secrets beside its database (its tickets hold no encrypted values).
  const secret = (name: string) => {
    const file = path.join(dir, name);
    fs.mkdirSync(dir, { recursive: true });
    if (!fs.existsSync(file)) fs.writeFileSync(file, randomBytes(32).toString('base64'), { mode: 0o600 });
    return fs.readFileSync(file, 'utf8').trim();
  };
  return spawn(
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
}

/** Waits up to 2 minutes for the server at `base` to answer its login page. */
export async function waitForServer(base: string) {
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
}

/** Logs in as `loginId` with the bench password; returns the session cookies. */
export async function logIn(base: string, loginId: string): Promise<string> {
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
