import fs from 'node:fs';
import path from 'node:path';
import { builtinModules } from 'node:module';
import { build } from 'esbuild';

/**
 * `npm start` runs on a production install (`npm ci --omit=dev`): every package the compiled
 * server scripts (dist/, scripts/build-server.mjs) or Next's external server packages load at run
 * time must be a dependency that such an install keeps — not a devDependency, and not marked
 * `dev` in the lockfile (a package listed in both sections is, and is then left out).
 */
const ROOT = path.join(__dirname, '../..');
const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as {
  dependencies: Record<string, string>;
  devDependencies: Record<string, string>;
};
const lock = JSON.parse(fs.readFileSync(path.join(ROOT, 'package-lock.json'), 'utf8')) as {
  packages: Record<string, { dev?: boolean }>;
};

function packageName(spec: string): string {
  const parts = spec.split('/');
  return spec.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0];
}

function problems(names: Iterable<string>): string[] {
  const out: string[] = [];
  for (const name of new Set(names)) {
    if (!pkg.dependencies[name]) out.push(`${name}: not in dependencies`);
    if (pkg.devDependencies[name]) out.push(`${name}: also in devDependencies`);
    if (lock.packages[`node_modules/${name}`]?.dev) out.push(`${name}: marked dev in package-lock.json`);
  }
  return out;
}

it('the compiled server scripts load only production dependencies', async () => {
  const result = await build({
    absWorkingDir: ROOT,
    entryPoints: ['run', 'server', 'worker', 'migrate'].map((e) => path.join('scripts', `${e}.ts`)),
    outdir: path.join(ROOT, '.data', 'unused'),
    bundle: true,
    platform: 'node',
    format: 'cjs',
    packages: 'external',
    tsconfig: path.join(ROOT, 'tsconfig.json'),
    write: false,
    metafile: true,
    logLevel: 'silent',
  });
  const builtins = new Set(builtinModules.flatMap((m) => [m, `node:${m}`]));
  const external = Object.values(result.metafile.inputs)
    .flatMap((i) => i.imports)
    .filter((i) => i.external && !builtins.has(i.path))
    .map((i) => packageName(i.path));
  expect(external).toEqual(expect.arrayContaining(['next', 'pg', 'pino']));
  expect(problems(external)).toEqual([]);
});

it("Next's external server packages are production dependencies", () => {
  const config = fs.readFileSync(path.join(ROOT, 'next.config.mjs'), 'utf8');
  const list = /serverExternalPackages:\s*\[([^\]]*)\]/.exec(config)![1];
  // pino-pretty is loaded only in development, when it is there (lib/log/logger.ts).
  const names = [...list.matchAll(/'([^']+)'/g)].map((m) => m[1]).filter((n) => n !== 'pino-pretty');
  expect(names.length).toBeGreaterThan(5);
  expect(problems(names)).toEqual([]);
});
