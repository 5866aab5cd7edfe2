type HeaderBag = { get(name: string): string | null };

/**
 * The client's address for rate limits and logs. Behind a reverse proxy that sets
 * X-Forwarded-For (TRUST_PROXY=1) it is that header's first hop. Otherwise X-Real-IP, else
 * the last X-Forwarded-For hop, which Next fills from the socket when the request has none
 * (Next does not expose the socket address itself to app code, so a deployment exposed
 * directly to the internet should still run behind a proxy that overwrites these headers).
 */
export function clientIp(h: HeaderBag): string | null {
  const hops = (h.get('x-forwarded-for') ?? '').split(',').map((s) => s.trim()).filter(Boolean);
  if (process.env.TRUST_PROXY === '1') return hops[0] || h.get('x-real-ip')?.trim() || null;
  return h.get('x-real-ip')?.trim() || hops[hops.length - 1] || null;
}
