import { NextResponse, type NextRequest } from 'next/server';
import { bodyLimit, judgeBody } from '@/lib/net/body-limits';

const HELPCENTER_FORM = /^\/[^/]+\/hc\/[^/]+\/?$/;

/**
 * Body-size limits per route (lib/net/body-limits.ts), judged by Content-Length before any
 * byte of the body is read: 1 MB for every server action and route handler, more only where
 * files are taken. The help-center form, which works without JavaScript, sends the customer
 * back to the form with a message instead of a bare error. Authorization never happens here.
 */
export function proxy(req: NextRequest) {
  const verdict = judgeBody(req.method, req.nextUrl.pathname, req.headers);
  if (verdict === 'ok') return NextResponse.next();
  if (verdict === 'too_large' && HELPCENTER_FORM.test(req.nextUrl.pathname)) {
    const back = req.nextUrl.clone();
    back.searchParams.set('error', 'tooLarge');
    return NextResponse.redirect(back, 303);
  }
  const status = verdict === 'too_large' ? 413 : 411;
  return NextResponse.json({ error: verdict, limitBytes: bodyLimit(req.nextUrl.pathname) }, { status });
}

// Every route but Next's static files.
export const config = { matcher: '/((?!_next/static|_next/image|favicon.ico).*)' };
