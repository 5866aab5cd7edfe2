import fs from 'node:fs';
import { createRequire } from 'node:module';
import { Client } from 'pg';
import { load } from './measure';
import { createRequest } from './request';
import { SERVICE } from './seed';

/**
 * `--profile`: calls the route handler in this process 300 times (no HTTP) and prints, per
 * ticket, the statements sent (counted by wrapping pg's Client#query: pg_stat_statements is not
 * always preloaded), their round-trip time by statement, and the CPU time of the process.
 */
export async function profile(key: string, orgId: string, catId: string, cpuProf?: string) {
  // Outside Next, `server-only` would refuse to load (and the react-server condition breaks next-intl).
  const req = createRequire(__filename);
  req.cache[req.resolve('server-only')] = { exports: {} } as NodeJS.Module;
  const { POST } = await import('@/app/[serviceId]/openapi/v1/ticket.json/route');
  const stats = new Map<string, { calls: number; ms: number }>();
  let on = false;
  const proto = Client.prototype as unknown as { query: (...a: unknown[]) => unknown };
  const original = proto.query;
  proto.query = function (this: unknown, ...a: unknown[]) {
    const q = a[0] as string | { text?: string };
    // Cut before normalizing: the closing statement is kilobytes, and this wrapper's CPU counts in the figure.
    const text = (typeof q === 'string' ? q : (q?.text ?? '?')).slice(0, 160).replace(/\s+/g, ' ').slice(0, 100);
    const t0 = performance.now();
    const record = () => {
      if (!on) return;
      const s = stats.get(text) ?? { calls: 0, ms: 0 };
      s.calls++;
      s.ms += performance.now() - t0;
      stats.set(text, s);
    };
    // Pool#query calls Client#query with a callback; drizzle's transactions use the promise form.
    const cb = a[a.length - 1];
    if (typeof cb === 'function') {
      a[a.length - 1] = (...x: unknown[]) => {
        record();
        return (cb as (...y: unknown[]) => unknown)(...x);
      };
      return original.apply(this, a);
    }
    const r = original.apply(this, a);
    if (r && typeof (r as Promise<unknown>).then === 'function') void (r as Promise<unknown>).then(record, () => {});
    return r;
  };
  const call = async (n: number) => {
    const res = await POST(createRequest('http://localhost', key, orgId, catId, n), {
      params: Promise.resolve({ serviceId: SERVICE }),
    });
    if (res.status !== 200) throw new Error(`route answered ${res.status}: ${await res.text()}`);
  };
  for (let i = 0; i < 50; i++) await call(i);
  const N = 300;
  // `--cpu-prof FILE`: a V8 CPU profile of the measured creates only (not the seed or warm-up).
  const session = cpuProf ? new (await import('node:inspector')).Session() : null;
  const post = (method: string, params?: object) =>
    new Promise<unknown>((resolve, reject) =>
      session!.post(method, params ?? {}, (err, res) => (err ? reject(err) : resolve(res))),
    );
  if (session) {
    session.connect();
    await post('Profiler.enable');
    await post('Profiler.setSamplingInterval', { interval: 200 });
    await post('Profiler.start');
  }
  on = true;
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  for (let i = 0; i < N; i++) await call(1000 + i);
  const wall = performance.now() - t0;
  const cpu = process.cpuUsage(c0);
  on = false;
  if (session) {
    const { profile: prof } = (await post('Profiler.stop')) as { profile: unknown };
    fs.writeFileSync(cpuProf!, JSON.stringify(prof));
    session.disconnect();
    console.log(`[profile] CPU profile of the measured creates: ${cpuProf}`);
  }
  const rows = [...stats.entries()].sort((x, y) => y[1].ms - x[1].ms);
  const calls = rows.reduce((a, [, r]) => a + r.calls, 0);
  console.log(
    `[profile] ${N} creates in process, 1 client: ${(wall / N).toFixed(2)} ms wall, ${((cpu.user + cpu.system) / 1000 / N).toFixed(2)} ms node CPU (${(cpu.user / 1000 / N).toFixed(2)} user + ${(cpu.system / 1000 / N).toFixed(2)} system), ${(calls / N).toFixed(1)} statements per ticket, ${load()}`,
  );
  for (const [text, r] of rows.slice(0, 40))
    console.log(`  ${(r.calls / N).toFixed(2).padStart(5)}/ticket ${(r.ms / N).toFixed(3).padStart(7)} ms  ${text}`);
}
