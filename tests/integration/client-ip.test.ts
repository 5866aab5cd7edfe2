import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { and, eq } from 'drizzle-orm';
import { accessLogs } from '@/db/schema';
import { authOptions } from '@/lib/auth/options';
import { CLIENT_IP_HEADER, resolveClientIp, trustedProxyHops, withClientIp } from '@/lib/rate-limit/client-ip';
import { makeMember } from '../helpers/factories';
import { setupTestDb } from '../helpers/db';

const db = setupTestDb();

describe('resolveClientIp', () => {
  it('takes the socket peer and ignores forwarded headers when no proxy is trusted', () => {
    expect(resolveClientIp('198.51.100.9', '1.2.3.4', 0)).toBe('198.51.100.9');
    expect(resolveClientIp('::ffff:198.51.100.9', undefined, 0)).toBe('198.51.100.9');
  });
  it('believes exactly TRUST_PROXY hops from the right, never what the client put further left', () => {
    // client spoofs 1.2.3.4; the real client 203.0.113.7 reached proxy 10.0.0.2, which reached the app
    expect(resolveClientIp('10.0.0.2', '1.2.3.4, 203.0.113.7', 1)).toBe('203.0.113.7');
    expect(resolveClientIp('10.0.0.3', '1.2.3.4, 203.0.113.7, 10.0.0.2', 2)).toBe('203.0.113.7');
    expect(resolveClientIp('10.0.0.2', undefined, 1)).toBe('10.0.0.2');
    expect(resolveClientIp('10.0.0.2', 'not-an-ip', 1)).toBe('10.0.0.2');
    expect(resolveClientIp('10.0.0.2', '[2001:db8::1]:443', 1)).toBe('2001:db8::1');
  });
  it('reads TRUST_PROXY as a hop count', () => {
    expect(trustedProxyHops(undefined)).toBe(0);
    expect(trustedProxyHops('2')).toBe(2);
    expect(trustedProxyHops('yes')).toBe(0);
  });
});

async function echoServer(hops: number) {
  const server = http.createServer(withClientIp((req, res) => res.end(JSON.stringify(req.headers)), hops));
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/` };
}

it('the app server stamps the socket address and drops spoofed X-Forwarded-For, X-Real-IP and its own header', async () => {
  const { server, url } = await echoServer(0);
  try {
    const res = await fetch(url, {
      headers: { 'x-forwarded-for': '1.2.3.4', 'x-real-ip': '5.6.7.8', [CLIENT_IP_HEADER]: '9.9.9.9' },
    });
    const seen = (await res.json()) as Record<string, string>;
    expect(seen[CLIENT_IP_HEADER]).toBe('127.0.0.1');
    expect(seen['x-forwarded-for']).toBe('127.0.0.1');
    expect(seen['x-real-ip']).toBeUndefined();
  } finally {
    server.close();
  }
});

it('behind one trusted proxy, the app server takes the address that proxy saw', async () => {
  const { server, url } = await echoServer(1);
  try {
    const res = await fetch(url, { headers: { 'x-forwarded-for': '1.2.3.4, 203.0.113.7' } });
    expect(((await res.json()) as Record<string, string>)[CLIENT_IP_HEADER]).toBe('203.0.113.7');
  } finally {
    server.close();
  }
});

type Authorize = (c: Record<string, string>, req: { headers: Record<string, string> }) => Promise<unknown>;
const authorize = (authOptions.providers[0] as unknown as { options: { authorize: Authorize } }).options.authorize;

it('logs a login attempt with the stamped address, never a client-supplied header', async () => {
  const m = await makeMember(db(), { password: 'right-password-1' });
  await authorize(
    { login: m.loginId, password: 'wrong' },
    { headers: { 'x-forwarded-for': '1.2.3.4', 'x-real-ip': '5.6.7.8', [CLIENT_IP_HEADER]: '203.0.113.7' } },
  ).catch(() => null);
  await authorize(
    { login: m.loginId, password: 'wrong' },
    { headers: { 'x-forwarded-for': '1.2.3.4', 'x-real-ip': '5.6.7.8' } },
  ).catch(() => null);
  const rows = await db()
    .select({ ip: accessLogs.ip })
    .from(accessLogs)
    .where(and(eq(accessLogs.memberId, m.id), eq(accessLogs.event, 'login_failed')))
    .orderBy(accessLogs.id);
  expect(rows.map((r) => r.ip)).toEqual(['203.0.113.7', null]);
});

it('has one parser: no other app or lib file reads X-Forwarded-For or X-Real-IP', () => {
  const offenders: string[] = [];
  const walk = (dir: string) => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (/\.(ts|tsx)$/.test(e.name) && /x-forwarded-for|x-real-ip/i.test(fs.readFileSync(p, 'utf8')))
        offenders.push(path.relative(process.cwd(), p));
    }
  };
  for (const d of ['app', 'lib', 'components', 'proxy.ts'].map((d) => path.join(process.cwd(), d))) {
    if (fs.statSync(d).isDirectory()) walk(d);
    else if (/x-forwarded-for|x-real-ip/i.test(fs.readFileSync(d, 'utf8'))) offenders.push(d);
  }
  expect(offenders).toEqual(['lib/rate-limit/client-ip.ts']);
});
