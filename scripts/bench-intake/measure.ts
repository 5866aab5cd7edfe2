import fs from 'node:fs';
import os from 'node:os';

/** The load averages, for the figures' context. */
export const load = () =>
  `load ${os
    .loadavg()
    .map((l) => l.toFixed(2))
    .join(' ')}`;

export type Run = { perSecond: number; p50: number; p95: number; n: number; errors: number };

/** CPU time (user + system, ms) used so far by every live process of a process group (Linux /proc). */
export function groupCpuMs(pgid: number): number {
  const tick = 1000 / 100; // USER_HZ is 100 on Linux
  let ms = 0;
  for (const pid of fs.readdirSync('/proc').filter((d) => /^\d+$/.test(d))) {
    try {
      const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
      const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      // After the name: state(0) ppid(1) pgrp(2) … utime(11) stime(12)
      if (Number(f[2]) === pgid) ms += (Number(f[11]) + Number(f[12])) * tick;
    } catch {
      /* gone */
    }
  }
  return ms;
}

/** Runs `clients` loops of `one` for `seconds` (after a short warm-up) and reports throughput and latency. */
export async function measure(
  clients: number,
  seconds: number,
  one: () => Promise<void>,
  onStart?: () => void,
): Promise<Run> {
  const warmEnd = Date.now() + 1500;
  await Promise.all(
    Array.from({ length: clients }, async () => {
      while (Date.now() < warmEnd) await one().catch(() => {});
    }),
  );
  const lat: number[] = [];
  let errors = 0;
  onStart?.();
  const start = performance.now();
  const end = start + seconds * 1000;
  await Promise.all(
    Array.from({ length: clients }, async () => {
      while (performance.now() < end) {
        const t0 = performance.now();
        try {
          await one();
          lat.push(performance.now() - t0);
        } catch {
          errors++;
        }
      }
    }),
  );
  const secs = (performance.now() - start) / 1000;
  lat.sort((a, b) => a - b);
  const q = (p: number) => lat[Math.min(lat.length - 1, Math.floor(p * lat.length))] ?? NaN;
  return { perSecond: lat.length / secs, p50: q(0.5), p95: q(0.95), n: lat.length, errors };
}
