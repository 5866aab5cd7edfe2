import { describeAccessLog } from '@/app/[serviceId]/(desk)/settings/access-log/describe';
import { translator } from '@/lib/i18n/messages';

const ko = translator('ko');
const t = (k: string, p?: Record<string, string | number>) => ko(`accessLog.${k}`, p);
const ta = (k: string, p?: Record<string, string | number>) => ko(`agents.${k}`, p);

describe('access-log detail wording', () => {
  it('says what changed, before → after, in the words of the agent screen', () => {
    expect(
      describeAccessLog(
        { event: 'permission_changed', detail: { field: 'assignable', before: true, after: false } },
        t,
        ta,
      ),
    ).toBe('티켓 할당: ON → OFF');
    expect(
      describeAccessLog(
        { event: 'permission_changed', detail: { field: 'role', before: 'agent', after: 'admin' } },
        t,
        ta,
      ),
    ).toBe('기본권한: 상담원 → 관리자');
    expect(
      describeAccessLog(
        { event: 'permission_changed', detail: { field: 'canViewLogs', before: false, after: true } },
        t,
        ta,
      ),
    ).toBe('조회 권한: 없음 → 있음');
    expect(
      describeAccessLog(
        { event: 'permission_changed', detail: { field: 'groups', before: [], after: ['결제', '배송'] } },
        t,
        ta,
      ),
    ).toBe('그룹: 없음 → 결제, 배송');
    expect(
      describeAccessLog(
        { event: 'permission_changed', detail: { field: 'channels', before: ['ticket'], after: [] } },
        t,
        ta,
      ),
    ).toBe('상담권한: 티켓 → 없음');
  });

  it('explains failed logins and lockouts, and ignores what it does not know', () => {
    expect(describeAccessLog({ event: 'login_failed', detail: { reason: 'bad_password', failed: 3 } }, t, ta)).toBe(
      '비밀번호 틀림 (3회째)',
    );
    expect(describeAccessLog({ event: 'lockout', detail: { minutes: 15 } }, t, ta)).toBe('15분 잠금');
    expect(describeAccessLog({ event: 'permission_changed', detail: { field: '<script>' } }, t, ta)).toBe('');
    expect(describeAccessLog({ event: 'login', detail: null }, t, ta)).toBe('');
  });
});
