import fs from 'node:fs';
import path from 'node:path';

const ROOT = path.join(__dirname, '../..');
const SOURCES = [
  'app',
  'lib',
  'scripts',
  'db',
  'components',
  'i18n',
  'instrumentation.ts',
  'proxy.ts',
  'next.config.mjs',
  'playwright.config.ts',
];
/** Set by Node, Next, CI or the launcher for its own children — not for operators to set. */
const NOT_CONFIGURATION = new Set([
  'NODE_ENV',
  'NEXT_RUNTIME',
  'CI',
  'PLAYWRIGHT_JSON_OUTPUT_NAME',
  'CONTACT_DESK_EMBEDDED_DB',
]);

function files(p: string): string[] {
  const full = path.join(ROOT, p);
  if (!fs.existsSync(full)) return [];
  if (fs.statSync(full).isFile()) return [full];
  return fs
    .readdirSync(full, { withFileTypes: true })
    .flatMap((e) => (e.name === 'node_modules' || e.name === 'migrations' ? [] : files(path.join(p, e.name))));
}

/** Every variable the code reads as `process.env.NAME` or `process.env['NAME']`. */
function variablesRead(): Map<string, string> {
  const found = new Map<string, string>();
  for (const f of SOURCES.flatMap(files).filter((f) => /\.(ts|tsx|mjs|cjs|js)$/.test(f))) {
    for (const m of fs
      .readFileSync(f, 'utf8')
      .matchAll(/process\.env(?:\.([A-Z][A-Z0-9_]*)|\[['"]([A-Z][A-Z0-9_]*)['"]\])/g)) {
      const name = m[1] ?? m[2];
      if (!NOT_CONFIGURATION.has(name) && !found.has(name)) found.set(name, path.relative(ROOT, f));
    }
  }
  return found;
}

describe('.env.example', () => {
  it('documents every environment variable the code reads', () => {
    const documented = new Set(
      Array.from(
        fs.readFileSync(path.join(ROOT, '.env.example'), 'utf8').matchAll(/^#?\s*([A-Z][A-Z0-9_]*)=/gm),
        (m) => m[1],
      ),
    );
    const missing = [...variablesRead()]
      .filter(([name]) => !documented.has(name))
      .map(([name, file]) => `${name} (read in ${file})`);
    expect(missing).toEqual([]);
  });
});
