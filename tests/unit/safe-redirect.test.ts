import { authOptions } from '@/lib/auth/options';
import { sameOriginPath, sameOriginUrl } from '@/lib/auth/safe-redirect';

// What /login?callbackUrl=… hands the page after the query string is decoded once.
const offSite = [
  '/\\evil.com', // /%5Cevil.com
  '/\\/evil.com',
  '//evil.com',
  '/\t/evil.com',
  '/\n/evil.com',
  ' /evil.com',
  'https://evil.com',
  'javascript:alert(1)',
  '\\\\evil.com',
  '/%0a',
];

it('never lets /login?callbackUrl= lead off the site', () => {
  for (const v of offSite.slice(0, -1)) expect([v, sameOriginPath(v)]).toEqual([v, '/']);
  for (const v of offSite) {
    const resolved = new URL(sameOriginPath(v), 'https://desk.example.com');
    expect([v, resolved.origin]).toEqual([v, 'https://desk.example.com']);
  }
});

it('keeps a same-site path with its query and hash', () => {
  expect(sameOriginPath('/demo/tickets?menu=all#top')).toBe('/demo/tickets?menu=all#top');
  expect(sameOriginPath(['/demo', '/x'])).toBe('/demo');
  expect(sameOriginPath(undefined)).toBe('/');
});

it('makes next-auth redirect only within its own origin', async () => {
  const base = 'https://desk.example.com';
  const redirect = authOptions.callbacks!.redirect!;
  expect(await redirect({ url: '/\\evil.com', baseUrl: base })).toBe(base);
  expect(await redirect({ url: 'https://evil.com/x', baseUrl: base })).toBe(base);
  expect(await redirect({ url: `${base}/demo`, baseUrl: base })).toBe(`${base}/demo`);
  expect(await redirect({ url: '/login?loggedOut=1', baseUrl: base })).toBe(`${base}/login?loggedOut=1`);
  expect(sameOriginUrl('//evil.com', base)).toBe(base);
});
