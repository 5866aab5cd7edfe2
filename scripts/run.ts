/**
 * `npm run dev` / `npm start`: brings the whole app up with no other set-up — the database
 * (embedded unless DATABASE_URL is set), migrations, the first-start seed — then runs Next.
 */
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { announceFirstStart, ensureFirstStart } from '@/lib/bootstrap/first-start';
import { closeDb, getDb } from '@/db';
import { seedDemo } from '@/lib/demo/seed-demo';
import { prepareEnvironment } from './env';

const mode = process.argv[2] === 'start' ? 'start' : 'dev';
const nextBin = path.join(process.cwd(), 'node_modules', '.bin', 'next');

async function main() {
  const { embedded } = await prepareEnvironment(mode === 'dev');
  announceFirstStart(await ensureFirstStart(getDb()));
  // Demo agents with a known password (browser tests, demos): off unless asked for.
  if (process.env.SEED_DEMO_AGENTS_PASSWORD) await seedDemo(getDb(), process.env.SEED_DEMO_AGENTS_PASSWORD);
  await closeDb();

  const port = process.env.PORT ?? '3000';
  process.env.NEXTAUTH_URL ??= `http://localhost:${port}`;
  if (mode === 'start' && !fs.existsSync(path.join('.next', 'BUILD_ID'))) {
    console.log('[contact-desk] no production build yet: running `next build` first');
    const build = spawnSync(nextBin, ['build'], { stdio: 'inherit', env: process.env });
    if (build.status !== 0) {
      await embedded?.stop();
      process.exit(build.status ?? 1);
    }
  }
  // Next runs behind the app's own server, which takes the client's address from the socket.
  const server = [path.join('node_modules', 'tsx', 'dist', 'cli.mjs'), path.join('scripts', 'server.ts'), mode];
  const env: NodeJS.ProcessEnv = { ...process.env, NODE_ENV: mode === 'start' ? 'production' : 'development' };
  const child = spawn(process.execPath, server, { stdio: 'inherit', env });
  let stopping = false;
  const stop = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    child.kill(signal);
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
  child.on('exit', async (code) => {
    await embedded?.stop().catch(() => {});
    process.exit(code ?? 0);
  });
}

main().catch((err) => {
  console.error('[contact-desk] could not start:', err instanceof Error ? err.message : err);
  process.exit(1);
});
