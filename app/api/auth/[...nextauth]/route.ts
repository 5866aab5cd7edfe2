import NextAuth from 'next-auth';
import { authOptions } from '@/lib/auth/options';

// next-auth's own endpoints: sign-in verifies the password (authenticate) and CSRF token itself.
const handler = NextAuth(authOptions) as (
  req: Request,
  ctx: { params: Promise<{ nextauth?: string[] }> },
) => Promise<Response>;

// next-auth answers an action it does not know with a 500; anything else is simply not here.
const ACTIONS = new Set([
  'providers',
  'session',
  'csrf',
  'signin',
  'signout',
  'callback',
  'verify-request',
  'error',
  '_log',
]);

async function route(req: Request, ctx: { params: Promise<{ nextauth?: string[] }> }): Promise<Response> {
  const { nextauth } = await ctx.params;
  if (!Array.isArray(nextauth) || !ACTIONS.has(nextauth[0] ?? '')) return new Response('Not found', { status: 404 });
  return handler(req, ctx);
}

export { route as GET, route as POST };
