import { eq } from 'drizzle-orm';
import { members, triggerDeliveries } from '@/db/schema';
import { inviteMemberAction, resendMemberMailAction } from '@/app/admin/members/actions';
import { latestMemberMails } from '@/db/queries/members';
import { deliveryMessageId } from '@/lib/mail/domain';
import { attemptDelivery } from '@/lib/triggers/deliveries/attempt';
import { asSessionMember, makeMember } from '../helpers/factories';
import { setupTestDb } from '../helpers/db';
import { signInAs } from '../helpers/session';
import { smtpSink, type SmtpSink } from '../helpers/smtp-sink';

jest.mock('@/lib/auth/session', () => jest.requireActual('../helpers/session').sessionMock);

const db = setupTestDb();
let sink: SmtpSink;
beforeAll(async () => {
  sink = await smtpSink('reject');
  process.env.SMTP_URL = sink.url;
});
afterAll(async () => {
  await sink.close();
  delete process.env.SMTP_URL;
});

describe('members screen: invite and password-reset mail state', () => {
  it('shows the latest mail as 대기, then 실패, and 재발송 sends it again under the same Message-ID', async () => {
    const admin = await makeMember(db(), { isOrgAdmin: true });
    signInAs(asSessionMember(admin));
    expect(
      await inviteMemberAction(null, { name: '초대상', loginId: 'mailstate', email: 'mailstate@example.com' }),
    ).toMatchObject({ ok: true });
    const [m] = await db().select().from(members).where(eq(members.loginId, 'mailstate'));
    expect((await latestMemberMails(db(), [m.id, admin.id])).get(m.id)).toMatchObject({ state: 'queued' });
    expect((await latestMemberMails(db(), [admin.id])).size).toBe(0);
    const [d] = await db()
      .select()
      .from(triggerDeliveries)
      .where(eq(triggerDeliveries.target, `member:${m.id}`));
    expect(await attemptDelivery(db(), d.id)).toBe(true);
    expect((await latestMemberMails(db(), [m.id])).get(m.id)).toMatchObject({ state: 'failed', deliveryId: d.id });
    sink.mode = 'accept';
    expect(await resendMemberMailAction(null, { deliveryId: d.id })).toMatchObject({ ok: true });
    expect(await attemptDelivery(db(), d.id)).toBe(true);
    expect((await latestMemberMails(db(), [m.id])).get(m.id)).toMatchObject({ state: 'sent' });
    expect(sink.mails.map((x) => x.messageId)).toEqual([deliveryMessageId(d.id)]);
    // Nothing to resend once it is sent.
    expect(await resendMemberMailAction(null, { deliveryId: d.id })).toMatchObject({
      ok: false,
      error: '실패한 메일만 다시 보낼 수 있습니다.',
    });
  });
});
