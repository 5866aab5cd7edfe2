import { createHmac } from 'node:crypto';
import { decryptValue, DecryptError, encryptValue, type Binding } from '@/lib/crypto/envelope';
import { masterKey } from '@/lib/crypto/master-key';

/**
 * Callback and Dooray hook URLs are bearer credentials (a Dooray incoming-hook URL ends in its
 * token; callback URLs often carry one), so they are never stored in clear: a trigger result and
 * each delivery request hold the URL sealed with the master key, bound to the service, with a
 * masked hint for screens and a keyed fingerprint to recognise the endpoint (410 disables it).
 * The worker opens it only to send.
 */
export type SealedUrl = { urlSealed: string; urlHint: string; urlKey: string };

/** One sealed URL may be copied from a trigger result into its deliveries: all live in the service. */
const binding = (serviceId: string): Binding => ({ table: 'endpoint_urls', column: 'url', rowId: serviceId });

/** `https://hook.dooray.com/…Ab3x`: the origin and the last 4 characters; enough to tell two apart. */
export function maskUrl(url: string): string {
  try {
    const u = new URL(url);
    const rest = `${u.pathname}${u.search}`.replace(/^\/$/, '');
    return rest ? `${u.origin}/…${rest.slice(-4)}` : u.origin;
  } catch {
    return '…';
  }
}

/** A keyed fingerprint (HMAC of the URL under a key derived from the master key): equal URLs, equal keys. */
export function endpointKey(url: string): string {
  const k = createHmac('sha256', masterKey()).update('contact-desk endpoint-url v1').digest();
  return `h1:${createHmac('sha256', k).update(url).digest('base64url')}`;
}

export function sealEndpointUrl(serviceId: string, url: string): SealedUrl {
  return {
    urlSealed: encryptValue(masterKey(), url, binding(serviceId)),
    urlHint: maskUrl(url),
    urlKey: endpointKey(url),
  };
}

/** The URL in clear, for sending; null when the ciphertext is not this service's (or was tampered with). */
export function openEndpointUrl(serviceId: string, sealed: string): string | null {
  try {
    const url = decryptValue<unknown>(masterKey(), sealed, binding(serviceId));
    return typeof url === 'string' ? url : null;
  } catch (err) {
    if (err instanceof DecryptError || err instanceof SyntaxError) return null;
    throw err;
  }
}

/** The host a screen may show for a stored endpoint. */
export function endpointHost(s: { urlHint?: unknown }): string {
  try {
    return new URL(String(s.urlHint)).host;
  } catch {
    return '?';
  }
}

/** The sealed URL of a stored result, as its deliveries carry it. */
export const sealedOf = (s: Partial<SealedUrl>): SealedUrl => ({
  urlSealed: String(s.urlSealed ?? ''),
  urlHint: String(s.urlHint ?? ''),
  urlKey: String(s.urlKey ?? ''),
});
