import type { AccessEvent } from '@/db/schema';

/** Every access-log event, in the order the filter offers them. */
export const ACCESS_EVENTS: readonly AccessEvent[] = [
  'login',
  'logout',
  'login_failed',
  'lockout',
  'unlock',
  'password_changed',
  'password_reset_requested',
  'password_reset',
  'permission_changed',
  'agent_added',
  'agent_removed',
  'invite_sent',
  'invite_accepted',
  'member_deactivated',
  'member_reactivated',
  'pii_unmasked',
  'secret_revealed',
  'export',
];

export function isAccessEvent(v: unknown): v is AccessEvent {
  return typeof v === 'string' && (ACCESS_EVENTS as readonly string[]).includes(v);
}
