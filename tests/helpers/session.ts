import type { AuthSession, SessionMember } from '@/lib/auth/sessions';

/**
 * Tests mock only the session: call `jest.mock('@/lib/auth/session', () => sessionMock)`
 * at the top of a file, then `signInAs(member)` / `signOut()`.
 */
let current: AuthSession | null = null;

export const sessionMock = {
  getCurrentSession: async () => current,
};

export function signInAs(member: SessionMember | null): void {
  current = member ? { id: 'test-session', member } : null;
}

export function signOut(): void {
  current = null;
}
