import 'server-only';
import { notFound } from 'next/navigation';
import { requireOrgAdmin } from '@/lib/auth/require';
import type { AuthSession } from '@/lib/auth/sessions';
import { devMailEnabled } from '@/lib/mail/dev-outbox';

/**
 * For every dev page: 404 unless the dev surface is on (lib/mail/dev-outbox.ts), then an
 * org-admin session (login redirect, or 404 for anyone else). Each page calls it itself.
 */
export async function requireDevPage(): Promise<AuthSession> {
  if (!devMailEnabled()) notFound();
  return requireOrgAdmin();
}
