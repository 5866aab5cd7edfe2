import 'server-only';
import { cookies } from 'next/headers';
import { getCurrentSession } from '@/lib/auth/session';
import { defaultLocale, isLocale, localeCookie, type Locale } from './config';

/**
 * The UI language of this request: the member's own setting when logged in, else the
 * locale cookie (the switch on public pages), else Korean (SPEC §13).
 */
export async function getRequestLocale(): Promise<Locale> {
  const session = await getCurrentSession().catch(() => null);
  if (session) return session.member.locale;
  try {
    const c = (await cookies()).get(localeCookie)?.value;
    if (isLocale(c)) return c;
  } catch {
    // Outside a request (scripts, tests): fall through to the default.
  }
  return defaultLocale;
}
