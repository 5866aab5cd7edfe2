/**
 * Compiles the launcher, the app's server, the worker and the migrate script into dist/, so
 * `npm start` runs on plain Node with production dependencies only (no tsx or TypeScript at
 * run time). Our own code (the `@/` alias, from tsconfig.json) is bundled; every npm package
 * stays external and is loaded from node_modules. Files are written atomically (temp + rename):
 * a second instance starting at the same moment never reads a half-written file.
 */
import fs from 'node:fs';
import path from 'node:path';
import { build } from 'esbuild';

export const ENTRIES = ['run', 'server', 'worker', 'migrate'];

export async function buildServer(root = process.cwd()) {
  const out = path.join(root, 'dist');
  const result = await build({
    absWorkingDir: root,
    entryPoints: Object.fromEntries(ENTRIES.map((e) => [e, path.join('scripts', `${e}.ts`)])),
    outdir: out,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    packages: 'external',
    tsconfig: path.join(root, 'tsconfig.json'),
    sourcemap: 'linked',
    write: false,
    logLevel: 'warning',
  });
  fs.mkdirSync(out, { recursive: true });
  for (const f of result.outputFiles) {
    const tmp = `${f.path}.${process.pid}.tmp`;
    fs.writeFileSync(tmp, f.contents);
    fs.renameSync(tmp, f.path);
  }
  return out;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  buildServer().then(
    (out) => console.log(`[contact-desk] server scripts compiled into ${path.relative(process.cwd(), out) || out}`),
    (err) => {
      console.error(err);
      process.exit(1);
    },
  );
}
