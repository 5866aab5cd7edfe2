import ipaddr from 'ipaddr.js';
import { z } from 'zod';
import { moduleLog } from '@/lib/log/logger';

// Ranges outbound requests may never reach unless an operator allows them (DESIGN.md §5):
// everything ipaddr.js does not call 'unicast' (private, loopback, link-local, CGNAT
// 'carrierGradeNat', multicast, reserved, …), plus cloud metadata addresses.
const METADATA = ['169.254.169.254/32', 'fd00:ec2::254/128', '100.100.100.200/32'].map((c) => ipaddr.parseCIDR(c));

const IPV4_COMPATIBLE = ipaddr.parseCIDR('::/96') as [ipaddr.IPv6, number];

let allowCache: { raw: string; list: [ipaddr.IPv4 | ipaddr.IPv6, number][] } | undefined;
function allowed(): [ipaddr.IPv4 | ipaddr.IPv6, number][] {
  const raw = process.env.OUTBOUND_ALLOW_CIDRS ?? '';
  if (allowCache?.raw !== raw) {
    const list = raw
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean)
      .flatMap((c) => {
        try {
          return [ipaddr.parseCIDR(c)];
        } catch {
          moduleLog('net').warn({ cidr: c }, 'OUTBOUND_ALLOW_CIDRS: ignoring an entry that is not a CIDR');
          return [];
        }
      });
    allowCache = { raw, list };
  }
  return allowCache.list;
}

/** True when an outbound connection to this IP address must be refused. */
export function isBlockedAddress(ip: string): boolean {
  if (!ipaddr.isValid(ip)) return true;
  let addr = ipaddr.parse(ip);
  // IPv4-compatible IPv6 (::/96, e.g. ::7f00:1) is deprecated and reaches IPv4 hosts on some
  // stacks; ipaddr.js calls it unicast, so it is refused here by name.
  if (addr.kind() === 'ipv6' && (addr as ipaddr.IPv6).match(IPV4_COMPATIBLE[0], IPV4_COMPATIBLE[1])) return true;
  // IPv4-mapped IPv6 (::ffff:127.0.0.1) is judged as the IPv4 address it carries.
  if (addr.kind() === 'ipv6' && (addr as ipaddr.IPv6).isIPv4MappedAddress())
    addr = (addr as ipaddr.IPv6).toIPv4Address();
  for (const [net, bits] of allowed()) if (net.kind() === addr.kind() && addr.match(net, bits)) return false;
  if (METADATA.some(([net, bits]) => net.kind() === addr.kind() && addr.match(net, bits))) return true;
  return addr.range() !== 'unicast';
}

/**
 * Only the scheme's default port, unless OUTBOUND_ALLOW_PORTS lists the port or the host is an
 * address in OUTBOUND_ALLOW_CIDRS (networks an operator opened on purpose, like test receivers).
 */
function portAllowed(port: number, host: string): boolean {
  const ports = (process.env.OUTBOUND_ALLOW_PORTS ?? '')
    .split(',')
    .map((p) => Number(p.trim()))
    .filter(Boolean);
  if (ports.includes(port)) return true;
  if (!ipaddr.isValid(host)) return false;
  const addr = ipaddr.process(host);
  return allowed().some(([net, bits]) => net.kind() === addr.kind() && addr.match(net, bits));
}

/** Why a URL is refused before any request: a message key, or null when it may be tried. */
export function urlProblem(raw: string): string | null {
  let u: URL;
  try {
    u = new URL(raw);
  } catch {
    return 'validation.triggers.url';
  }
  const httpOk = process.env.OUTBOUND_ALLOW_HTTP === '1' || process.env.OUTBOUND_ALLOW_HTTP === 'true';
  if (u.protocol !== 'https:' && !(u.protocol === 'http:' && httpOk)) return 'validation.triggers.urlScheme';
  if (u.username || u.password) return 'validation.triggers.urlCredentials';
  const host = u.hostname.replace(/^\[|\]$/g, '');
  if (u.port && !portAllowed(Number(u.port), host)) return 'security.urlPort';
  if (ipaddr.isValid(host) && isBlockedAddress(host)) return 'validation.triggers.urlPrivate';
  if (/^localhost$|\.localhost$|\.local$|\.internal$/i.test(host)) return 'validation.triggers.urlPrivate';
  return null;
}

/** An outbound http(s) URL an admin enters (callback, Dooray hook): checked again at connect time. */
export const outboundUrl = z
  .string()
  .trim()
  .min(1, 'validation.required')
  .max(2000, 'validation.tooLong')
  .superRefine((v, ctx) => {
    const p = urlProblem(v);
    if (p) ctx.addIssue({ code: 'custom', message: p });
  });

/** An optional outbound URL field: left empty, it is absent (the provider's default applies). */
export const optionalOutboundUrl = z.union([z.literal('').transform(() => undefined), outboundUrl]).optional();

/** One e-mail address without CR/LF or display name (the header is never built from user input). */
export const mailAddress = z
  .string()
  .max(254, 'validation.tooLong')
  .refine((s) => !/[\r\n]/.test(s), 'validation.triggers.crlf')
  .pipe(z.email('validation.email'));
