import type { IncomingMessage, ServerResponse } from 'node:http';
import ipaddr from 'ipaddr.js';

type HeaderBag = { get(name: string): string | null };

/**
 * The header the app's own server (scripts/server.ts) sets on every request from the socket
 * address, after deleting whatever the client sent under that name. App code reads only this.
 */
export const CLIENT_IP_HEADER = 'x-contact-desk-client-ip';

/** TRUST_PROXY: how many reverse proxies in front of the app append to X-Forwarded-For (default 0). */
export function trustedProxyHops(value = process.env.TRUST_PROXY): number {
  const n = Number(value);
  return Number.isInteger(n) && n > 0 ? Math.min(n, 10) : 0;
}

function normalize(raw: string | undefined | null): string | null {
  let s = raw?.trim();
  if (!s) return null;
  // `[v6]:port` and `v4:port`, as some proxies write them.
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(s);
  if (bracketed) s = bracketed[1];
  else if (/^\d{1,3}(\.\d{1,3}){3}:\d+$/.test(s)) s = s.slice(0, s.lastIndexOf(':'));
  if (!ipaddr.isValid(s)) return null;
  // ::ffff:203.0.113.7 is the IPv4 client on a dual-stack socket.
  return ipaddr.process(s).toString();
}

/**
 * The client's address: the socket's peer, or — when `hops` proxies are trusted — the
 * address the outermost trusted proxy saw, i.e. the `hops`-th X-Forwarded-For entry from
 * the right. Entries further left were written by the client and are never believed.
 */
export function resolveClientIp(
  socketAddress: string | undefined | null,
  forwardedFor: string | string[] | undefined | null,
  hops: number,
): string | null {
  const socket = normalize(socketAddress);
  if (hops <= 0) return socket;
  const header = Array.isArray(forwardedFor) ? forwardedFor.join(',') : (forwardedFor ?? '');
  const chain = [
    ...header
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean),
    socketAddress ?? '',
  ];
  const candidate = chain[Math.max(0, chain.length - 1 - hops)];
  return normalize(candidate) ?? socket;
}

/** Stamps the client's address on a request before Next sees it (the app's own server). */
export function stampClientIp(req: IncomingMessage, hops = trustedProxyHops()): void {
  const ip = resolveClientIp(req.socket.remoteAddress, req.headers['x-forwarded-for'], hops);
  delete req.headers[CLIENT_IP_HEADER];
  delete req.headers['x-real-ip'];
  if (ip) {
    req.headers[CLIENT_IP_HEADER] = ip;
    // Next fills X-Forwarded-For from the socket only when absent; downstream sees the same truth.
    req.headers['x-forwarded-for'] = ip;
  } else {
    delete req.headers['x-forwarded-for'];
  }
}

/** Wraps a Node request handler so every request carries the stamped client address. */
export function withClientIp<R>(handler: (req: IncomingMessage, res: ServerResponse) => R, hops = trustedProxyHops()) {
  return (req: IncomingMessage, res: ServerResponse): R => {
    stampClientIp(req, hops);
    return handler(req, res);
  };
}

/**
 * The client's address for rate limits, sessions and the access log: the one the app's
 * server stamped from the socket (and TRUST_PROXY hops). Client-supplied X-Forwarded-For and
 * X-Real-IP are never read. Null when the app runs without its server (`next start` alone).
 */
export function clientIp(h: HeaderBag): string | null {
  return h.get(CLIENT_IP_HEADER) || null;
}
