import 'server-only';
import { cache } from 'react';
import { getServerSession } from 'next-auth';
import { getDb } from '@/db';
import { authOptions } from './options';
import { loadSession, type AuthSession } from './sessions';

/** The logged-in member of this request, or null. Checked against the sessions table. */
export const getCurrentSession = cache(async (): Promise<AuthSession | null> => {
  const s = (await getServerSession(authOptions)) as { sid?: string } | null;
  if (!s?.sid) return null;
  return loadSession(getDb(), s.sid);
});
