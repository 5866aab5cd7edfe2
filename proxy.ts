import { NextResponse, type NextRequest } from 'next/server';

// Keep in step with experimental.serverActions.bodySizeLimit in next.config.mjs.
const BODY_LIMIT = 52 * 1024 * 1024;

/**
 * Only for the public help-center form: a post larger than the server-action body limit
 * would meet Next's own error (a bare 500 page without JavaScript). Refuse it by its
 * Content-Length before anything is read, and send the customer back to the form with a
 * message. Everything else passes untouched; authorization never happens here.
 */
export function proxy(req: NextRequest) {
  if (req.method !== 'POST' || Number(req.headers.get('content-length') ?? 0) <= BODY_LIMIT) return NextResponse.next();
  const back = req.nextUrl.clone();
  back.searchParams.set('error', 'tooLarge');
  return NextResponse.redirect(back, 303);
}

export const config = { matcher: '/:serviceId/hc/:lang' };
