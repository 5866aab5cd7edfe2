import fs from 'node:fs';

/**
 * Processes of this test run that outlived it: every process the run starts inherits
 * CONTACT_DESK_TEST_RUN (set in global-setup.ts), so a scan of /proc finds them whether or not
 * they were detached or re-parented. Only the kinds a test starts on purpose count: the worker
 * and app scripts, Next, PostgreSQL, Dovecot (not jest's own worker processes).
 */
const KINDS =
  /scripts\/(worker|server|run|launch)\.|dist\/(worker|server|run)\.js|tests\/helpers\/[\w-]+\.ts|\bnext\b|postgres|postmaster|dovecot|\btsx\b/;

export function leftoverProcesses(runId: string): { pid: number; cmd: string }[] {
  if (!fs.existsSync('/proc/self/environ')) return [];
  const marker = `CONTACT_DESK_TEST_RUN=${runId}`;
  const found: { pid: number; cmd: string }[] = [];
  for (const entry of fs.readdirSync('/proc')) {
    const pid = Number(entry);
    if (!Number.isInteger(pid) || pid === process.pid) continue;
    try {
      const env = fs.readFileSync(`/proc/${pid}/environ`, 'utf8').split('\0');
      if (!env.includes(marker)) continue;
      const cmd = fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').replace(/\0/g, ' ').trim();
      if (KINDS.test(cmd) && !/jest-worker|processChild/.test(cmd)) found.push({ pid, cmd });
    } catch {
      // gone meanwhile, or not ours to read
    }
  }
  return found;
}

/** Waits up to `ms` for the run's processes to end; kills what remains and says which they were. */
export async function reapLeftovers(runId: string, ms = 10_000): Promise<string[]> {
  const deadline = Date.now() + ms;
  let left = leftoverProcesses(runId);
  while (left.length && Date.now() < deadline) {
    await new Promise((r) => setTimeout(r, 250));
    left = leftoverProcesses(runId);
  }
  for (const p of left) {
    try {
      process.kill(p.pid, 'SIGKILL');
    } catch {
      // already gone
    }
  }
  return left.map((p) => `${p.pid} ${p.cmd.slice(0, 200)}`);
}
