import { spawn } from 'node:child_process';
import path from 'node:path';
import { closeLiveHub, liveHub } from '@/lib/live/hub';
import { openLiveStream, reportPresence } from '@/lib/live/stream';
import { asSessionMember, makeAgent, makeService } from '../helpers/factories';
import { makeTicket } from '../helpers/tickets';
import { setupTestDb } from '../helpers/db';

// Registered first so the LISTEN connection closes before the test database is dropped.
afterAll(() => closeLiveHub());
const db = setupTestDb();

const session = (m: Parameters<typeof asSessionMember>[0]) => ({ id: 'test-session', member: asSessionMember(m) });

/** Reads server-sent events from a stream until `until` accepts one (or the timeout). */
async function readEvents(
  stream: ReadableStream<Uint8Array>,
  until: (e: { event: string; data: string }) => boolean,
  timeoutMs = 15000,
) {
  const reader = stream.getReader();
  const decoder = new TextDecoder();
  const seen: { event: string; data: string }[] = [];
  let buf = '';
  const deadline = Date.now() + timeoutMs;
  try {
    while (Date.now() < deadline) {
      const r = await Promise.race([
        reader.read(),
        new Promise<null>((res) => setTimeout(() => res(null), deadline - Date.now())),
      ]);
      if (!r || r.done) break;
      buf += decoder.decode(r.value, { stream: true });
      let i: number;
      while ((i = buf.indexOf('\n\n')) >= 0) {
        const block = buf.slice(0, i);
        buf = buf.slice(i + 2);
        const event = /^event: (.*)$/m.exec(block)?.[1] ?? 'message';
        const data = /^data: (.*)$/m.exec(block)?.[1] ?? '';
        seen.push({ event, data });
        if (until({ event, data })) return seen;
      }
    }
    return seen;
  } finally {
    reader.releaseLock();
  }
}

function runChild(args: string[]): Promise<{ code: number; out: string }> {
  const child = spawn(
    process.execPath,
    [
      path.join('node_modules', 'tsx', 'dist', 'cli.mjs'),
      '--tsconfig',
      'scripts/tsconfig.node.json',
      'tests/helpers/live-child.ts',
      ...args,
    ],
    {
      env: { ...process.env },
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  let out = '';
  child.stdout.on('data', (d) => (out += d));
  return new Promise((resolve) => child.on('close', (code) => resolve({ code: code ?? 1, out })));
}

describe('live desk stream', () => {
  it('delivers a ticket change committed by another process to a connected stream, within 2 s of the commit', async () => {
    const service = await makeService(db());
    const a = await makeAgent(db(), service.id, 'agent', {}, { name: '김민지' });
    const b = await makeAgent(db(), service.id, 'agent', {}, { name: '이상담' });
    const ticket = await makeTicket(db(), service.id);
    const abort = new AbortController();
    const stream = await openLiveStream(db(), session(a.member), service.id, abort.signal);
    expect(stream).not.toBeNull();
    const ready = await readEvents(stream!, (e) => e.event === 'ready');
    expect(ready.at(-1)?.event).toBe('ready');
    const child = runChild([ticket.id, service.id, b.member.id, b.member.name]);
    const events = await readEvents(stream!, (e) => e.event === 'ticket', 20000);
    const receivedAt = Date.now();
    const { code, out } = await child;
    expect(code).toBe(0);
    const committedAt = Number(/committed (\d+)/.exec(out)?.[1]);
    const change = events.find((e) => e.event === 'ticket');
    expect(change).toBeDefined();
    expect(JSON.parse(change!.data)).toMatchObject({
      serviceId: service.id,
      ticketId: ticket.id,
      number: ticket.number,
      assigneeId: b.member.id,
      previousAssigneeId: null,
      actorId: b.member.id,
      status: 'open',
    });
    // The event can even arrive before the child's own "committed" line is written.
    expect(receivedAt - committedAt).toBeLessThan(2000);
    abort.abort();
  });

  it('does not send another service’s changes, and refuses a member of another service', async () => {
    const mine = await makeService(db());
    const other = await makeService(db());
    const a = await makeAgent(db(), mine.id);
    const outsider = await makeAgent(db(), other.id);
    expect(await openLiveStream(db(), session(outsider.member), mine.id, new AbortController().signal)).toBeNull();
    expect(await openLiveStream(db(), null, mine.id, new AbortController().signal)).toBeNull();
    const abort = new AbortController();
    const stream = (await openLiveStream(db(), session(a.member), mine.id, abort.signal))!;
    await readEvents(stream, (e) => e.event === 'ready');
    const foreign = await makeTicket(db(), other.id);
    expect(
      await reportPresence(db(), session(outsider.member), other.id, { ticketId: foreign.id, state: 'viewing' }),
    ).toEqual({ status: 204 });
    const own = await makeTicket(db(), mine.id);
    expect(await reportPresence(db(), session(a.member), mine.id, { ticketId: own.id, state: 'typing' })).toEqual({
      status: 204,
    });
    const events = await readEvents(stream, (e) => e.event === 'presence');
    const presence = events.filter((e) => e.event === 'presence').map((e) => JSON.parse(e.data));
    expect(presence).toEqual([
      expect.objectContaining({ serviceId: mine.id, ticketId: own.id, state: 'typing', memberId: a.member.id }),
    ]);
    abort.abort();
  });

  it('validates presence reports and answers 404 for a service the member cannot open', async () => {
    const service = await makeService(db());
    const other = await makeService(db());
    const a = await makeAgent(db(), service.id);
    expect(
      await reportPresence(db(), session(a.member), service.id, { ticketId: 'nope', state: 'dancing' }),
    ).toMatchObject({ status: 400, error: { ticketId: expect.any(Array), state: expect.any(Array) } });
    expect(
      await reportPresence(db(), session(a.member), other.id, { ticketId: crypto.randomUUID(), state: 'viewing' }),
    ).toEqual({ status: 404 });
    expect(await reportPresence(db(), null, service.id, {})).toEqual({ status: 401 });
    expect(liveHub().size).toBeGreaterThanOrEqual(0);
  });
});
