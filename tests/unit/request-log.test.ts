import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { moduleLog } from '@/lib/log/logger';
import { withRequestLog } from '@/lib/log/request-log';
import { safeError } from '@/lib/log/safe-error';
import { captureLog } from '../helpers/log-capture';

const CANARY = { email: 'canary.hong@example.com', name: '홍길동카나리아', token: 'tok-SECRET-4711' };
let server: http.Server;
let base: string;
const log = captureLog('info');

beforeAll(async () => {
  // The app's server in miniature: the same wrapper, a handler that logs (and fails) inside the request.
  server = http.createServer(
    withRequestLog((req, res) => {
      moduleLog('test').info({ step: 'inside' }, 'handler ran');
      if (req.url?.startsWith('/fail')) {
        const err = new Error(`Failed query: insert into tickets values ($1)\nparams: ${CANARY.email},${CANARY.name}`);
        moduleLog('test').error({ err: safeError(err) }, 'unexpected error');
        res.writeHead(500).end();
        return;
      }
      res.end('ok');
    }),
  );
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  log.restore();
  delete process.env.TRUST_PROXY;
  await new Promise((r) => server.close(r));
});

it('writes JSON lines with one request id per request, echoed as X-Request-Id, and never the query string or PII', async () => {
  const q = new URLSearchParams(CANARY).toString();
  const a = await fetch(`${base}/hc/ko/requests?${q}`);
  const b = await fetch(`${base}/fail?${q}#frag`);
  const idA = a.headers.get('x-request-id');
  const idB = b.headers.get('x-request-id');
  expect(idA).toMatch(/^[0-9a-f-]{36}$/);
  expect(idB).toMatch(/^[0-9a-f-]{36}$/);
  expect(idA).not.toBe(idB);
  await new Promise((r) => setTimeout(r, 50));

  const lines = log.lines();
  const ofA = lines.filter((l) => l.reqId === idA);
  expect(ofA.map((l) => l.msg)).toEqual(['handler ran', 'request']);
  expect(ofA[1]).toMatchObject({ level: 'info', module: 'http', method: 'GET', path: '/hc/ko/requests', status: 200 });
  expect(typeof ofA[1].ms).toBe('number');
  const ofB = lines.filter((l) => l.reqId === idB);
  expect(ofB.map((l) => [l.level, l.msg])).toEqual([
    ['info', 'handler ran'],
    ['error', 'unexpected error'],
    ['error', 'request'],
  ]);
  expect(ofB[2]).toMatchObject({ path: '/fail', status: 500 });

  const text = log.text();
  for (const v of [CANARY.email, CANARY.name, CANARY.token, 'canary.hong', '?email', 'frag'])
    expect(text).not.toContain(v);
  expect(text).not.toContain(encodeURIComponent(CANARY.name));
});

it("keeps a proxy's X-Request-Id only when the proxy is trusted", async () => {
  const theirs = 'proxy-req-0001-abcd';
  process.env.TRUST_PROXY = '0';
  const untrusted = await fetch(`${base}/x`, { headers: { 'x-request-id': theirs } });
  expect(untrusted.headers.get('x-request-id')).not.toBe(theirs);
  process.env.TRUST_PROXY = '1';
  const trusted = await fetch(`${base}/x`, { headers: { 'x-request-id': theirs } });
  expect(trusted.headers.get('x-request-id')).toBe(theirs);
  // A malformed one (log injection) is replaced even from a trusted proxy.
  const bad = await fetch(`${base}/x`, { headers: { 'x-request-id': 'a"b\\c}{ x' } });
  expect(bad.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  process.env.TRUST_PROXY = '0';
});
