/* eslint-disable @typescript-eslint/no-require-imports -- plain CommonJS on purpose: it runs before anything is compiled */
/**
 * `npm start`, `npm run worker`, `npm run db:migrate`: runs the compiled server scripts of
 * dist/ (scripts/build-server.mjs) on plain Node, so a production install (`npm ci --omit=dev`
 * on a built tree) needs neither tsx nor TypeScript.
 *
 * In a checkout with the dev dependencies (a fresh `npm install`), dist/ is compiled again on
 * every launch (about a second) so it never runs stale code, and `npm start` runs `next build`
 * first when there is no production build yet. Without them, the built dist/ and .next/ are used.
 */
const fs = require('node:fs');
const path = require('node:path');
const { spawnSync } = require('node:child_process');

const root = process.cwd();
const [entry = 'run', ...args] = process.argv.slice(2);

function installed(mod) {
  try {
    require.resolve(mod, { paths: [root] });
    return true;
  } catch {
    return false;
  }
}

function fail(message) {
  console.error(`[contact-desk] ${message}`);
  process.exit(1);
}

async function main() {
  if (!['run', 'server', 'worker', 'migrate'].includes(entry)) fail(`unknown entry ${entry}`);
  const devTools = installed('esbuild') && installed('typescript');
  const compiled = path.join(root, 'dist', `${entry}.js`);
  if (devTools) {
    const { buildServer } = await import(path.join(__dirname, 'build-server.mjs'));
    await buildServer(root);
  } else if (!fs.existsSync(compiled)) {
    fail(
      'dist/ is missing: run `npm run build` (with the dev dependencies installed) before a production install, and ship dist/ and .next/ with it',
    );
  }
  if (entry === 'run' && args[0] === 'start' && !fs.existsSync(path.join(root, '.next', 'BUILD_ID'))) {
    if (!devTools)
      fail(
        'no production build in .next/: run `npm run build` where the dev dependencies are installed, and ship .next/ with the app',
      );
    console.log('[contact-desk] no production build yet: running `next build` first');
    const build = spawnSync(process.execPath, [require.resolve('next/dist/bin/next', { paths: [root] }), 'build'], {
      stdio: 'inherit',
      env: process.env,
    });
    if (build.status !== 0) process.exit(build.status ?? 1);
  }
  process.setSourceMapsEnabled(true);
  process.argv = [process.argv[0], compiled, ...args];
  require(compiled);
}

main().catch((err) => fail(err instanceof Error ? err.stack || err.message : String(err)));
