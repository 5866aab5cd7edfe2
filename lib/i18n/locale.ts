import 'server-only';
import { cookies, headers } from 'next/headers';
import { getCurrentSession } from '@/lib/auth/session';
import { defaultLocale, isLocale, localeCookie, type Locale } from './config';

/**
 * The UI language of this request: the member's own setting when logged in, else the
 * locale cookie, else Accept-Language when it prefers English, else Korean.
 */
export async function getRequestLocale(): Promise<Locale> {
  const session = await getCurrentSession().catch(() => null);
  if (session) return session.member.locale;
  try {
    const c = (await cookies()).get(localeCookie)?.value;
    if (isLocale(c)) return c;
    const accept = (await headers()).get('accept-language') ?? '';
    const first = accept.split(',')[0]?.trim().slice(0, 2).toLowerCase();
    if (isLocale(first)) return first;
  } catch {
    // Outside a request (scripts, tests): fall through to the default.
  }
  return defaultLocale;
}
