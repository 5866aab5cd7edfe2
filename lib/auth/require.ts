import 'server-only';
import { notFound, redirect } from 'next/navigation';
import { getDb } from '@/db';
import { ForbiddenError, NotFoundError } from '@/lib/errors';
import { authorizeService, type ServiceAccess, type ServiceRequirement } from './access';
import { getCurrentSession } from './session';
import type { AuthSession } from './sessions';

/** For pages: the session, or a redirect to the login page. */
export async function requireSession(): Promise<AuthSession> {
  const session = await getCurrentSession();
  if (!session) redirect('/login');
  return session;
}

/** For pages: an org admin's session; anyone else gets a 404. */
export async function requireOrgAdmin(): Promise<AuthSession> {
  const session = await requireSession();
  if (!session.member.isOrgAdmin) notFound();
  return session;
}

/**
 * For pages: the member's access to a service with the given role or permission.
 * Actions authorize through the action wrapper, which calls the same `authorizeService`.
 */
export async function requireService(
  serviceId: string,
  need: ServiceRequirement = {},
): Promise<ServiceAccess & { session: AuthSession }> {
  const session = await requireSession();
  try {
    return { ...(await authorizeService(getDb(), session.member, serviceId, need)), session };
  } catch (err) {
    if (err instanceof NotFoundError || err instanceof ForbiddenError) notFound();
    throw err;
  }
}
