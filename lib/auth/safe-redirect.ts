const BASE = 'http://same-origin.invalid';

/**
 * `value` as a path on this site, or `fallback`. Browsers read `\` as `/` and drop tabs and
 * newlines, so `/\evil.com` or `/\t/evil.com` would leave the site although they start with
 * one slash: anything with a backslash or a control character is refused, and what is left
 * must still resolve to this origin. Used by the login page, the login form and next-auth.
 */
export function sameOriginPath(value: unknown, fallback = '/'): string {
  const s = Array.isArray(value) ? value[0] : value;
  if (typeof s !== 'string' || !s.startsWith('/') || s.startsWith('//') || s.length > 2000) return fallback;
  if (/[\\\u0000-\u001f\u007f\s]/.test(s)) return fallback;
  let url: URL;
  try {
    url = new URL(s, BASE);
  } catch {
    return fallback;
  }
  if (url.origin !== BASE) return fallback;
  return `${url.pathname}${url.search}${url.hash}`;
}

/** next-auth's `redirect` callback: same-origin paths and URLs only, else the base URL. */
export function sameOriginUrl(url: string, baseUrl: string): string {
  if (url.startsWith('/')) {
    const p = sameOriginPath(url, '');
    return p ? `${baseUrl}${p}` : baseUrl;
  }
  try {
    const u = new URL(url);
    if (u.origin === new URL(baseUrl).origin) return `${baseUrl}${sameOriginPath(`${u.pathname}${u.search}${u.hash}`)}`;
  } catch {
    // not a URL: fall through
  }
  return baseUrl;
}
