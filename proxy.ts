import { NextResponse, type NextRequest } from 'next/server';
import { bodyLimit, judgeBody } from '@/lib/net/body-limits';
import { trustedProxyHops } from '@/lib/rate-limit/client-ip';

const HELPCENTER_FORM = /^\/[^/]+\/hc\/[^/]+\/?$/;

/**
 * Body-size limits per route (lib/net/body-limits.ts), judged by Content-Length before any
 * byte of the body is read: 1 MB for every server action and route handler, more only where
 * files are taken. The help-center form, which works without JavaScript, sends the customer
 * back to the form with a message instead of a bare error. Authorization never happens here.
 */
export function proxy(req: NextRequest) {
  return withSecurityHeaders(req, refuseOversized(req) ?? NextResponse.next());
}

function refuseOversized(req: NextRequest): NextResponse | null {
  const verdict = judgeBody(req.method, req.nextUrl.pathname, req.headers);
  if (verdict === 'ok') return null;
  if (verdict === 'too_large' && HELPCENTER_FORM.test(req.nextUrl.pathname)) {
    const back = req.nextUrl.clone();
    back.searchParams.set('error', 'tooLarge');
    return NextResponse.redirect(back, 303);
  }
  const status = verdict === 'too_large' ? 413 : 411;
  return NextResponse.json({ error: verdict, limitBytes: bodyLimit(req.nextUrl.pathname) }, { status });
}

/**
 * Headers every page and handler answers with: never framed (clickjacking), no referrer beyond
 * this site (invite and reset links carry tokens in their path), no type sniffing, and HSTS
 * when the request came over https (directly, or via a trusted proxy's X-Forwarded-Proto).
 */
function withSecurityHeaders(req: NextRequest, res: NextResponse): NextResponse {
  res.headers.set('X-Frame-Options', 'DENY');
  res.headers.set('Content-Security-Policy', "frame-ancestors 'none'");
  res.headers.set('Referrer-Policy', 'same-origin');
  res.headers.set('X-Content-Type-Options', 'nosniff');
  const https =
    req.nextUrl.protocol === 'https:' || (trustedProxyHops() > 0 && req.headers.get('x-forwarded-proto') === 'https');
  if (https) res.headers.set('Strict-Transport-Security', 'max-age=31536000; includeSubDomains');
  return res;
}

// Every route but Next's static files.
export const config = { matcher: '/((?!_next/static|_next/image|favicon.ico).*)' };
