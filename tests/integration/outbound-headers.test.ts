import { NextRequest } from 'next/server';
import { isBlockedAddress, urlProblem } from '@/lib/net/addresses';
import { safeFetch } from '@/lib/net/safe-fetch';
import { safeError } from '@/lib/log/safe-error';
import { proxy } from '@/proxy';

const env = process.env as Record<string, string | undefined>;
afterEach(() => {
  delete env.OUTBOUND_ALLOW_PORTS;
  delete env.OUTBOUND_ALLOW_CIDRS;
  delete env.TRUST_PROXY;
});

describe('safe-fetch', () => {
  it('allows only default ports unless an operator allows more', async () => {
    expect(urlProblem('https://hooks.example.com:8443/x')).toBe('security.urlPort');
    expect(urlProblem('https://hooks.example.com:22/x')).toBe('security.urlPort');
    expect(urlProblem('https://hooks.example.com:443/x')).toBeNull();
    expect(urlProblem('https://hooks.example.com/x')).toBeNull();
    env.OUTBOUND_ALLOW_PORTS = '8443';
    expect(urlProblem('https://hooks.example.com:8443/x')).toBeNull();
    await expect(safeFetch('https://hooks.example.com:22/x')).rejects.toThrow();
  });

  it('refuses IPv4-compatible IPv6 addresses (::/96), which reach IPv4 hosts', async () => {
    for (const ip of ['::7f00:1', '::a00:1', '::a9fe:a9fe', '::808:808'])
      expect([ip, isBlockedAddress(ip)]).toEqual([ip, true]);
    expect(urlProblem('https://[::7f00:1]/x')).toBe('validation.triggers.urlPrivate');
    await expect(safeFetch('https://[::7f00:1]/x')).rejects.toThrow();
    expect(isBlockedAddress('2606:4700:4700::1111')).toBe(false);
  });
});

describe('security headers', () => {
  const get = (url: string, headers: Record<string, string> = {}) => proxy(new NextRequest(url, { headers }));

  it('forbids framing, limits the referrer and sniffing on every route', () => {
    for (const path of ['/login', '/demo/tickets/1', '/demo/attachments/x', '/api/auth/csrf']) {
      const h = get(`http://localhost${path}`).headers;
      expect([
        path,
        h.get('x-frame-options'),
        h.get('content-security-policy'),
        h.get('referrer-policy'),
        h.get('x-content-type-options'),
      ]).toEqual([path, 'DENY', "frame-ancestors 'none'", 'same-origin', 'nosniff']);
      expect(h.get('strict-transport-security')).toBeNull();
    }
  });

  it('sends HSTS over https, and behind a trusted proxy that says https', () => {
    expect(get('https://desk.example.com/login').headers.get('strict-transport-security')).toMatch(/max-age=\d+/);
    expect(
      get('http://desk.example.com/login', { 'x-forwarded-proto': 'https' }).headers.get('strict-transport-security'),
    ).toBeNull();
    env.TRUST_PROXY = '1';
    expect(
      get('http://desk.example.com/login', { 'x-forwarded-proto': 'https' }).headers.get('strict-transport-security'),
    ).toMatch(/max-age/);
  });
});

describe('logs', () => {
  it('never carry query parameters or bound values of a failed query', () => {
    const err = new Error(
      'Failed query: insert into "tickets" ("subject") values ($1)\nparams: 홍길동,secret.customer@example.com',
    );
    (err as { cause?: unknown }).cause = {
      code: '23505',
      detail: 'Key (email)=(secret.customer@example.com) already exists.',
    };
    const line = safeError(err);
    expect(line).toContain('Failed query: insert into "tickets"');
    expect(line).toContain('23505');
    expect(line).not.toContain('secret.customer');
    expect(line).not.toContain('홍길동');
    expect(safeError(new Error('GET https://desk.example.com/invite/x?token=abc failed'))).not.toContain('abc');
  });
});
