import dns from 'node:dns/promises';
import net from 'node:net';
import { isBlockedAddress } from '@/lib/net/addresses';
import { OutboundBlockedError } from '@/lib/net/safe-fetch';

/**
 * The address an admin-given mail host is reached at, checked like outbound HTTP (DESIGN §5):
 * every resolved address must be public unless OUTBOUND_ALLOW_CIDRS opens its range. The
 * connection then goes to that checked address (no second lookup to rebind).
 */
export async function checkedMailHost(host: string): Promise<string> {
  const list = net.isIP(host) ? [{ address: host }] : await dns.lookup(host, { all: true });
  if (!list.length || list.some((a) => isBlockedAddress(a.address))) throw new OutboundBlockedError('address');
  return list[0].address;
}
