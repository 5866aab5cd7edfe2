import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { services, smsConfigs, smsMessages, ticketHistory, triggerDeliveries } from '@/db/schema';
import {
  saveAllowedSendersAction,
  saveSmsConfigAction,
  testSmsConfigAction,
} from '@/app/[serviceId]/(desk)/settings/channels/actions';
import { sendTicketSmsAction } from '@/app/[serviceId]/(desk)/tickets/sms-actions';
import { attemptDelivery } from '@/lib/triggers/deliveries/attempt';
import { asSessionMember, makeAgent, makeService } from '../helpers/factories';
import { setupTestDb } from '../helpers/db';
import { startSmsMock, type SmsMock } from '../helpers/sms-server';
import { signInAs } from '../helpers/session';
import { makeTicket } from '../helpers/tickets';

jest.mock('@/lib/auth/session', () => jest.requireActual('../helpers/session').sessionMock);

const db = setupTestDb();
process.env.OUTBOUND_ALLOW_HTTP = '1';
process.env.OUTBOUND_ALLOW_CIDRS = '127.0.0.1/32';

let sms: SmsMock;
beforeAll(async () => {
  sms = await startSmsMock();
  sms.senders = [
    { sendNo: '15446859', useYn: 'Y', blockYn: 'N' },
    { sendNo: '0212345678', useYn: 'Y', blockYn: 'N' },
    { sendNo: '01099998888', useYn: 'Y', blockYn: 'Y' },
  ];
});
afterAll(() => sms.close());

async function setup(enabled = true) {
  const s = await makeService(db());
  if (enabled) await db().update(services).set({ smsEnabled: true }).where(eq(services.id, s.id));
  const admin = await makeAgent(db(), s.id, 'admin');
  const agent = await makeAgent(db(), s.id, 'agent');
  signInAs(asSessionMember(admin.member));
  return { s, admin, agent };
}

async function configured() {
  const x = await setup();
  const r = await saveSmsConfigAction(null, {
    serviceId: x.s.id,
    apiVersion: 'v3.0',
    appKey: sms.appKey,
    secretKey: sms.secretKey,
    apiBaseUrl: sms.url,
  });
  expect(r).toMatchObject({ ok: true, data: { senders: ['15446859', '0212345678'] } });
  expect((await saveAllowedSendersAction(null, { serviceId: x.s.id, senders: ['15446859'] })).ok).toBe(true);
  signInAs(asSessionMember(x.agent.member));
  return x;
}

async function deliverAll(ticketId: string) {
  const rows = await db()
    .select()
    .from(triggerDeliveries)
    .where(and(eq(triggerDeliveries.ticketId, ticketId), eq(triggerDeliveries.status, 'pending')));
  for (const d of rows) {
    await db()
      .update(triggerDeliveries)
      .set({ nextAttemptAt: new Date(Date.now() - 1000) })
      .where(eq(triggerDeliveries.id, d.id));
    await attemptDelivery(db(), d.id);
  }
}

const fieldError = (r: { ok: boolean; fieldErrors?: Record<string, string[]> }, field: string) =>
  r.ok ? undefined : r.fieldErrors?.[field]?.[0];

describe('SMS settings', () => {
  it('exists only when the organization enabled SMS', async () => {
    const { s } = await setup(false);
    const r = await saveSmsConfigAction(null, {
      serviceId: s.id,
      apiVersion: 'v2.4',
      appKey: sms.appKey,
      apiBaseUrl: sms.url,
    });
    expect(r.ok).toBe(false);
    expect(await db().select().from(smsConfigs).where(eq(smsConfigs.serviceId, s.id))).toHaveLength(0);
  });

  it("validates the key by listing its sender numbers and refuses with the provider's message", async () => {
    const { s } = await setup();
    const wrongKey = await saveSmsConfigAction(null, {
      serviceId: s.id,
      apiVersion: 'v2.4',
      appKey: 'WrongKey',
      apiBaseUrl: sms.url,
    });
    expect(fieldError(wrongKey, 'appKey')).toContain('Invalid appKey.');
    const noSecret = await saveSmsConfigAction(null, {
      serviceId: s.id,
      apiVersion: 'v3.0',
      appKey: sms.appKey,
      apiBaseUrl: sms.url,
    });
    expect(fieldError(noSecret, 'secretKey')).toBeDefined();
    const wrongSecret = await saveSmsConfigAction(null, {
      serviceId: s.id,
      apiVersion: 'v3.0',
      appKey: sms.appKey,
      secretKey: 'nope',
      apiBaseUrl: sms.url,
    });
    expect(fieldError(wrongSecret, 'appKey')).toContain('Invalid secretKey.');
    sms.garbage = true;
    try {
      expect(
        fieldError(
          await saveSmsConfigAction(null, {
            serviceId: s.id,
            apiVersion: 'v2.4',
            appKey: sms.appKey,
            apiBaseUrl: sms.url,
          }),
          'appKey',
        ),
      ).toMatch(/maintenance|JSON|응답/);
    } finally {
      sms.garbage = false;
    }
    const badInput = await saveSmsConfigAction(null, {
      serviceId: s.id,
      apiVersion: 'v9',
      appKey: 'a/b',
      apiBaseUrl: 'ftp://x',
    });
    expect(Object.keys(badInput.ok ? {} : (badInput.fieldErrors ?? {})).sort()).toEqual([
      'apiBaseUrl',
      'apiVersion',
      'appKey',
    ]);
    expect(await db().select().from(smsConfigs).where(eq(smsConfigs.serviceId, s.id))).toHaveLength(0);

    // v2.4 needs no secret key; blocked numbers are not offered; keys are stored sealed.
    expect(
      await saveSmsConfigAction(null, { serviceId: s.id, apiVersion: 'v2.4', appKey: sms.appKey, apiBaseUrl: sms.url }),
    ).toMatchObject({ ok: true, data: { senders: ['15446859', '0212345678'] } });
    const [cfg] = await db().select().from(smsConfigs).where(eq(smsConfigs.serviceId, s.id));
    expect(cfg.appKeySealed).not.toContain(sms.appKey);
    expect(
      fieldError(await saveAllowedSendersAction(null, { serviceId: s.id, senders: ['01099998888'] }), 'senders'),
    ).toBeDefined();
    expect(await saveAllowedSendersAction(null, { serviceId: s.id, senders: ['0212345678'] })).toEqual({
      ok: true,
      data: { senders: ['0212345678'] },
    });
    expect(await testSmsConfigAction(null, { serviceId: s.id })).toMatchObject({ ok: true, data: { senders: 2 } });
  });
});

describe('SMS from a ticket', () => {
  it('refuses a sender not allowed, a phone that is not a number and characters the provider cannot carry; nothing is written', async () => {
    const { s } = await configured();
    const t = await makeTicket(db(), s.id, { status: 'open', requesterPhone: '010-1234-5678' });
    const base = {
      serviceId: s.id,
      ticketId: t.id,
      to: 'number' as const,
      recipientNo: '01012345678',
      body: '안내드립니다',
    };
    expect(
      fieldError(
        await sendTicketSmsAction(null, { ...base, clickKey: randomUUID(), senderNo: '0212345678' }),
        'senderNo',
      ),
    ).toBeDefined();
    expect(
      fieldError(
        await sendTicketSmsAction(null, {
          ...base,
          clickKey: randomUUID(),
          senderNo: '15446859',
          recipientNo: '010-abcd-5678',
        }),
        'recipientNo',
      ),
    ).toBeDefined();
    expect(
      fieldError(
        await sendTicketSmsAction(null, {
          ...base,
          clickKey: randomUUID(),
          senderNo: '15446859',
          body: '감사합니다 😀',
        }),
        'body',
      ),
    ).toContain('😀');
    expect(
      fieldError(
        await sendTicketSmsAction(null, {
          ...base,
          clickKey: randomUUID(),
          senderNo: '15446859',
          body: '가'.repeat(60),
        }),
        'title',
      ),
    ).toBeDefined();
    expect(await db().select().from(smsMessages).where(eq(smsMessages.ticketId, t.id))).toHaveLength(0);
    expect(await db().select().from(triggerDeliveries).where(eq(triggerDeliveries.ticketId, t.id))).toHaveLength(0);
  });

  it('sends an SMS to the requester and an LMS to a typed number, once per click across a retry, with request id and history', async () => {
    const { s } = await configured();
    const t = await makeTicket(db(), s.id, { status: 'open', requesterPhone: '010-1234-5678', subject: '배송 지연' });
    const before = sms.sent.length;
    const click = randomUUID();
    const r1 = await sendTicketSmsAction(null, {
      serviceId: s.id,
      ticketId: t.id,
      clickKey: click,
      senderNo: '15446859',
      to: 'requester',
      body: '[#{ticketNo}] 문의가 접수되었습니다',
    });
    expect(r1).toMatchObject({ ok: true, data: { type: 'sms', repeated: false } });
    // The same click submitted again (double click, a retried request): nothing new.
    expect(
      await sendTicketSmsAction(null, {
        serviceId: s.id,
        ticketId: t.id,
        clickKey: click,
        senderNo: '15446859',
        to: 'requester',
        body: '[#{ticketNo}] 문의가 접수되었습니다',
      }),
    ).toMatchObject({ ok: true, data: { repeated: true } });
    sms.failSends = 1;
    await deliverAll(t.id);
    await deliverAll(t.id);
    await deliverAll(t.id);
    const sent = sms.sent.slice(before);
    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatchObject({
      version: 'v3.0',
      kind: 'sms',
      body: {
        sendNo: '15446859',
        body: `[${t.number}] 문의가 접수되었습니다`,
        recipientList: [{ recipientNo: '01012345678' }],
      },
    });
    const [m] = await db().select().from(smsMessages).where(eq(smsMessages.ticketId, t.id));
    expect(m).toMatchObject({ state: 'sent', requestId: sent[0].requestId, resultCode: '0' });
    // The requester's number is personal data: sealed to the message row, shown masked.
    expect(m).toMatchObject({ recipientMasked: '010****5678' });
    expect(m.recipientSealed).not.toContain('01012345678');
    const [d] = await db().select().from(triggerDeliveries).where(eq(triggerDeliveries.id, m.deliveryId!));
    expect(d).toMatchObject({ status: 'delivered', attempts: 2 });

    const long = `${'안녕하세요 고객님, '.repeat(8)}#{subject} 건은 처리 중입니다.`;
    const r2 = await sendTicketSmsAction(null, {
      serviceId: s.id,
      ticketId: t.id,
      clickKey: randomUUID(),
      senderNo: '15446859',
      to: 'number',
      recipientNo: '010 9876 5432',
      title: '처리 안내',
      body: long,
    });
    expect(r2).toMatchObject({ ok: true, data: { type: 'lms' } });
    await deliverAll(t.id);
    expect(sms.sent.at(-1)).toMatchObject({
      kind: 'mms',
      body: { title: '처리 안내', recipientList: [{ recipientNo: '01098765432' }] },
    });
    const h = await db()
      .select()
      .from(ticketHistory)
      .where(and(eq(ticketHistory.ticketId, t.id), eq(ticketHistory.action, 'sms')));
    expect(h.map((x) => (x.detail as { type: string }).type).sort()).toEqual(['lms', 'sms']);
  });

  it("records the provider's refusal as the result and does not retry it", async () => {
    const { s } = await configured();
    const t = await makeTicket(db(), s.id, { status: 'open' });
    const saved = sms.senders;
    sms.senders = saved.filter((x) => x.sendNo !== '15446859');
    try {
      expect(
        (
          await sendTicketSmsAction(null, {
            serviceId: s.id,
            ticketId: t.id,
            clickKey: randomUUID(),
            senderNo: '15446859',
            to: 'number',
            recipientNo: '01012345678',
            body: 'hi',
          })
        ).ok,
      ).toBe(true);
      await deliverAll(t.id);
    } finally {
      sms.senders = saved;
    }
    const [m] = await db().select().from(smsMessages).where(eq(smsMessages.ticketId, t.id));
    expect(m).toMatchObject({ state: 'failed', resultCode: '-2312' });
    expect(m.resultMessage).toContain('Not regist sendno.');
    expect(
      (await db().select().from(triggerDeliveries).where(eq(triggerDeliveries.id, m.deliveryId!)))[0],
    ).toMatchObject({ status: 'dead', attempts: 1 });
  });
});

describe('provider calls', () => {
  it('give up on a provider that does not answer and say so in the admin language', async () => {
    const http = await import('node:http');
    const hang = http.createServer(() => {});
    await new Promise<void>((r) => hang.listen(0, '127.0.0.1', r));
    const { providerJson, ProviderError } = await import('@/lib/channels/provider');
    const { providerFieldError } = await import('@/lib/channels/provider-errors');
    try {
      const url = `http://127.0.0.1:${(hang.address() as import('node:net').AddressInfo).port}/sms/v2.4/appKeys/x/sendNos`;
      const err = await providerJson(url, { method: 'GET', headers: {}, timeoutMs: 300 }).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(ProviderError);
      expect(err).toMatchObject({ code: 'timeout', permanent: false });
      expect(() => providerFieldError(err, 'appKey')).toThrow(
        expect.objectContaining({ fieldErrors: { appKey: [{ key: 'channels.errors.timeout', params: undefined }] } }),
      );
    } finally {
      hang.closeAllConnections();
      await new Promise<void>((r) => hang.close(() => r()));
    }
  });
});
