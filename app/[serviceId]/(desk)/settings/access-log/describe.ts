import type { AccessLogRow } from '@/db/queries/access-logs';

type T = (key: string, params?: Record<string, string | number>) => string;

const FIELDS = new Set(['role', 'channels', 'canTransfer', 'canViewLogs', 'assignable', 'selfControl', 'groups']);
const SECRETS = new Set(['dooray_hook_url']);
const REASONS = new Set(['unknown_login', 'bad_password', 'locked', 'invited', 'deactivated']);

/** One value of a permission, as the agent screen words it. */
function value(t: T, ta: T, field: string, v: unknown): string {
  if (typeof v === 'boolean')
    return field === 'assignable' || field === 'selfControl' ? (v ? ta('on') : ta('off')) : v ? ta('yes') : ta('no');
  if (field === 'role') return v === 'admin' ? ta('roleAdmin') : v === 'agent' ? ta('roleAgent') : String(v);
  if (Array.isArray(v))
    return v.length
      ? v.map((x) => (field === 'channels' && x === 'ticket' ? ta('channelTicket') : String(x))).join(', ')
      : t('none');
  return v === null || v === undefined ? t('none') : String(v);
}

/** The 내용 column: what changed, before → after, or why a login failed. */
export function describeAccessLog(row: Pick<AccessLogRow, 'event' | 'detail'>, t: T, ta: T): string {
  const d = row.detail ?? {};
  switch (row.event) {
    case 'permission_changed': {
      const field = String(d.field);
      if (!FIELDS.has(field)) return '';
      return t('change', {
        field: t(`fields.${field}`),
        before: value(t, ta, field, d.before),
        after: value(t, ta, field, d.after),
      });
    }
    case 'agent_added':
    case 'agent_removed':
      return t(row.event === 'agent_added' ? 'addedDetail' : 'removedDetail', {
        role: value(t, ta, 'role', d.role),
        groups: value(t, ta, 'groups', d.groups ?? []),
      });
    case 'login_failed': {
      const reason = REASONS.has(String(d.reason)) ? t(`reasons.${d.reason}`) : '';
      return typeof d.failed === 'number' ? t('failedCount', { reason, failed: d.failed }) : reason;
    }
    case 'lockout':
      return typeof d.minutes === 'number' ? t('lockedFor', { minutes: d.minutes }) : '';
    case 'invite_sent':
      return d.resend ? t('resend') : '';
    case 'secret_revealed':
      return SECRETS.has(String(d.secret)) ? t(`secrets.${d.secret}`) : '';
    default:
      return '';
  }
}
