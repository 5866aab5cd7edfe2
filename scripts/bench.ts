/**
 * `npm run bench [-- <args for each bench>] [--dry-run]`: runs every benchmark script this checkout has,
 * one after the other (they each start their own database and server, and the machine should
 * be quiet), and prints a summary. A bench a checkout lacks is skipped. Not part of `npm test`
 * or CI: the figures depend on the machine.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';

const BENCHES = [
  'bench:categories',
  'bench:tickets',
  'bench:search',
  'bench:dashboard',
  'bench:live',
  'bench:triggers',
  'bench:banned-words',
  'bench:intake',
  'bench:mail',
];

function main() {
  const scripts = (JSON.parse(fs.readFileSync('package.json', 'utf8')) as { scripts: Record<string, string> }).scripts;
  const dry = process.argv.includes('--dry-run');
  const args = process.argv.slice(2).filter((a) => a !== '--dry-run');
  // The benches start their servers on BENCH_PORT; keep them all on one port of this checkout.
  process.env.BENCH_PORT ??= '3204';
  const results: string[] = [];
  let failed = 0;
  console.log(
    `[bench] ${os.cpus().length} cores, load ${os
      .loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')}`,
  );
  for (const name of BENCHES) {
    if (!scripts[name]) {
      results.push(`skipped  ${name} (no such script in this checkout)`);
      continue;
    }
    console.log(`\n[bench] npm run ${name}${args.length ? ` -- ${args.join(' ')}` : ''}`);
    if (dry) {
      results.push(`would run ${name}`);
      continue;
    }
    const started = Date.now();
    const r = spawnSync('npm', ['run', name, ...(args.length ? ['--', ...args] : [])], {
      stdio: 'inherit',
      env: process.env,
    });
    const secs = ((Date.now() - started) / 1000).toFixed(0);
    if (r.status === 0) results.push(`ok       ${name} (${secs} s)`);
    else {
      failed++;
      results.push(`FAILED   ${name} (exit ${r.status ?? r.signal}, ${secs} s)`);
    }
  }
  console.log(
    `\n[bench] summary, load ${os
      .loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')}\n${results.map((l) => `  ${l}`).join('\n')}`,
  );
  process.exit(failed ? 1 : 0);
}

main();
