import dns from 'node:dns';
import http from 'node:http';
import https from 'node:https';
import type { LookupFunction } from 'node:net';
import { isBlockedAddress, urlProblem } from './addresses';

export class OutboundBlockedError extends Error {
  constructor(public readonly reason: string) {
    super(`outbound request refused: ${reason}`);
    this.name = 'OutboundBlockedError';
  }
}

export type SafeResponse = {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
  latencyMs: number;
};

const TIMEOUT_MS = 15_000;
const BODY_CAP = 64 * 1024;

/**
 * Resolves the host at connect time and refuses if ANY of its addresses is blocked, so a name
 * that resolves to both a public and a private address cannot be used to reach the private one
 * (DNS rebinding between the check and the connect is impossible: this is the connect).
 */
const guardedLookup: LookupFunction = (hostname, options, callback) => {
  dns.lookup(hostname, { all: true, family: (options as dns.LookupOptions).family ?? 0 }, (err, addresses) => {
    if (err) return (callback as (e: Error | null, a: string, f: number) => void)(err, '', 4);
    const list = addresses as dns.LookupAddress[];
    const bad = list.find((a) => isBlockedAddress(a.address));
    if (!list.length || bad)
      return (callback as (e: Error | null, a: string, f: number) => void)(new OutboundBlockedError('address'), '', 4);
    if ((options as dns.LookupOptions).all)
      return (callback as unknown as (e: null, a: dns.LookupAddress[]) => void)(null, list);
    (callback as (e: null, a: string, f: number) => void)(null, list[0].address, list[0].family);
  });
};

/**
 * The only way Contact Desk makes outbound HTTP (DESIGN.md §5): https (http only with
 * OUTBOUND_ALLOW_HTTP), no credentials in URLs, every resolved address checked at connect time
 * (OUTBOUND_ALLOW_CIDRS opens ranges), redirects never followed (a 3xx is returned as is),
 * 15 s total, response body capped at 64 KB.
 */
export async function safeFetch(
  url: string,
  init: { method?: string; headers?: Record<string, string>; body?: string; timeoutMs?: number } = {},
): Promise<SafeResponse> {
  const problem = urlProblem(url);
  if (problem) throw new OutboundBlockedError(problem.replace('validation.triggers.', ''));
  const u = new URL(url);
  // A literal IP address is never looked up: urlProblem has already checked it.
  const started = Date.now();
  const lib = u.protocol === 'https:' ? https : http;
  return new Promise<SafeResponse>((resolve, reject) => {
    const req = lib.request(
      u,
      {
        method: init.method ?? 'GET',
        headers: {
          'user-agent': 'ContactDesk-Webhook/1.0',
          ...(init.body !== undefined ? { 'content-length': Buffer.byteLength(init.body).toString() } : {}),
          ...init.headers,
        },
        lookup: guardedLookup,
        agent: false,
      },
      (res) => {
        const chunks: Buffer[] = [];
        let size = 0;
        res.on('data', (c: Buffer) => {
          if (size < BODY_CAP) chunks.push(c.subarray(0, BODY_CAP - size));
          size += c.length;
          if (size >= BODY_CAP) res.destroy();
        });
        const done = () =>
          resolve({
            status: res.statusCode ?? 0,
            headers: res.headers,
            body: Buffer.concat(chunks).toString('utf8'),
            latencyMs: Date.now() - started,
          });
        res.on('end', done);
        res.on('close', done);
        res.on('error', done);
      },
    );
    req.setTimeout(init.timeoutMs ?? TIMEOUT_MS, () => req.destroy(new Error('timeout')));
    const total = setTimeout(() => req.destroy(new Error('timeout')), init.timeoutMs ?? TIMEOUT_MS);
    req.on('close', () => clearTimeout(total));
    req.on('error', (e) => reject(e));
    if (init.body !== undefined) req.write(init.body);
    req.end();
  });
}
