/**
 * `npm run bench:live [-- --agents 50 --changes 100]`: change-to-screen latency of the live desk on
 * the 1,000,000-ticket bench database (seed with `npm run bench:tickets`). Opens one event stream
 * per agent (50 by default, the service's agents reused round-robin) through the same code as
 * `/{serviceId}/live`, then changes tickets through the ordinary change path (changeTicket →
 * recordTicketChange → NOTIFY at commit) and times commit → event read by every stream:
 * p50/p95 against the 500 ms budget.
 */
import { setMaxListeners } from 'node:events';
import { sql } from 'drizzle-orm';
import { closeDb, getDb } from '@/db';
import { closeLiveHub } from '@/lib/live/hub';
import { openLiveStream } from '@/lib/live/stream';
import { changeTicket } from '@/lib/tickets/change';
import type { AuthSession } from '@/lib/auth/sessions';
import { BENCH_SERVICE, line, load, openBenchDb, pct } from './bench-db';
import { argOf } from './seed-tickets';

async function main() {
  const args = process.argv.slice(2);
  const agents = Number(argOf(args, 'agents') ?? 50);
  const changes = Number(argOf(args, 'changes') ?? 100);
  const { stop } = await openBenchDb('bench:live');
  let misses = 0;
  const abort = new AbortController();
  setMaxListeners(agents + 10, abort.signal);
  try {
    const db = getDb();
    const members = (
      await db.execute<{ id: string; name: string }>(
        sql`SELECT m.id, m.name FROM service_members sm JOIN members m ON m.id = sm.member_id WHERE sm.service_id = ${BENCH_SERVICE} ORDER BY m.login_id`,
      )
    ).rows;
    const sessionOf = (i: number) =>
      ({
        id: `bench-${i}`,
        member: { id: members[i % members.length].id, name: members[i % members.length].name, isOrgAdmin: false },
      }) as unknown as AuthSession;
    const pending = new Map<string, { left: number; done: (receivedAt: number) => void }>();
    const readers: Promise<void>[] = [];
    let ready = 0;
    for (let i = 0; i < agents; i++) {
      const stream = (await openLiveStream(db, sessionOf(i), BENCH_SERVICE, abort.signal))!;
      readers.push(
        (async () => {
          const reader = stream.getReader();
          const dec = new TextDecoder();
          let buf = '';
          for (;;) {
            const r = await reader.read().catch(() => ({ done: true, value: undefined }));
            if (r.done || !r.value) return;
            buf += dec.decode(r.value, { stream: true });
            let k: number;
            while ((k = buf.indexOf('\n\n')) >= 0) {
              const block = buf.slice(0, k);
              buf = buf.slice(k + 2);
              if (block.includes('event: ready')) ready++;
              const data = /^event: ticket\ndata: (.*)$/m.exec(block)?.[1];
              if (!data) continue;
              const p = pending.get((JSON.parse(data) as { ticketId: string }).ticketId);
              if (p && --p.left === 0) p.done(performance.now());
            }
          }
        })(),
      );
    }
    while (ready < agents) await new Promise((r) => setTimeout(r, 50));
    const ids = (
      await db.execute<{ id: string }>(
        sql`SELECT id FROM tickets WHERE service_id = ${BENCH_SERVICE} AND spam = false ORDER BY created_at DESC LIMIT ${changes}`,
      )
    ).rows.map((r) => r.id);
    const actor = members[0];
    const ctx = {
      db,
      member: { id: actor.id, name: actor.name },
      service: { id: BENCH_SERVICE },
    } as unknown as Parameters<typeof changeTicket>[0];
    console.log(`\n${agents} streams open; ${ids.length} changes, one at a time, ${load()}`);
    const lat: number[] = [];
    for (const [n, id] of ids.entries()) {
      const got = new Promise<number>((resolve) => pending.set(id, { left: agents, done: resolve }));
      await changeTicket(ctx, id, undefined, ({ row }) => ({ event: 'updated', set: { starred: !row.starred } }));
      // The commit is acknowledged here; the last stream may even have read the event already (0 ms).
      const committed = performance.now();
      const timeout = new Promise<number>((r) => setTimeout(() => r(Number.POSITIVE_INFINITY), 5000));
      lat.push(Math.max(0, (await Promise.race([got, timeout])) - committed));
      pending.delete(id);
      if (n % 25 === 24) process.stdout.write(`  ${n + 1} changes\n`);
    }
    // Put the bench tickets back as they were.
    for (const id of ids) await db.execute(sql`UPDATE tickets SET starred = NOT starred WHERE id = ${id}`);
    if (
      !line(
        `commit → event read by all ${agents} streams`,
        { p50: pct(lat, 50), p95: pct(lat, 95) },
        500,
        `, max ${Math.max(...lat).toFixed(1)} ms`,
      )
    )
      misses++;
  } finally {
    abort.abort();
    console.log(`\n[bench:live] done, ${misses} figure(s) over budget, ${load()}`);
    await closeLiveHub();
    await closeDb();
    await stop();
  }
  if (misses) process.exitCode = 1;
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
