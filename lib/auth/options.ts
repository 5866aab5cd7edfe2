import type { NextAuthOptions } from 'next-auth';
import CredentialsProvider from 'next-auth/providers/credentials';
import { getDb } from '@/db';
import { clientIp } from '@/lib/rate-limit/client-ip';
import { login } from './login';
import { SESSION_HOURS } from './login';
import { sameOriginUrl } from './safe-redirect';
import { revokeSession } from './sessions';

function header(headers: unknown, name: string): string | null {
  if (!headers) return null;
  if (typeof (headers as Headers).get === 'function') return (headers as Headers).get(name);
  const v = (headers as Record<string, string | string[] | undefined>)[name];
  return Array.isArray(v) ? (v[0] ?? null) : (v ?? null);
}

/**
 * next-auth carries only the server-side session id in its JWT; who the member is and
 * whether the session still holds is read from the sessions table on every check.
 */
export const authOptions: NextAuthOptions = {
  session: { strategy: 'jwt', maxAge: SESSION_HOURS * 3600 },
  pages: { signIn: '/login', error: '/login' },
  providers: [
    CredentialsProvider({
      name: 'credentials',
      credentials: { login: { type: 'text' }, password: { type: 'password' } },
      async authorize(credentials, req) {
        const headers = req?.headers;
        const ip = clientIp({ get: (name) => header(headers, name) });
        const result = await login(getDb(), credentials, { ip, userAgent: header(headers, 'user-agent') });
        // next-auth hands this message to the client's signIn() as `error`; the form translates it.
        if (!result.ok) throw new Error(result.reason === 'locked' ? `locked:${result.minutesLeft}` : result.reason);
        return { id: result.memberId, sid: result.sessionId } as { id: string; sid: string };
      },
    }),
  ],
  callbacks: {
    async redirect({ url, baseUrl }) {
      return sameOriginUrl(url, baseUrl);
    },
    async jwt({ token, user }) {
      if (user) token.sid = (user as { sid?: string }).sid;
      return token;
    },
    async session({ session, token }) {
      return { ...session, sid: token.sid as string | undefined };
    },
  },
  events: {
    async signOut({ token }) {
      if (token?.sid) await revokeSession(getDb(), token.sid as string);
    },
  },
};
