import { and, eq } from 'drizzle-orm';
import { fieldCryptoRuns, fields, ticketFieldValues, tickets } from '@/db/schema';
import { createFieldAction, updateFieldAction } from '@/app/[serviceId]/(desk)/settings/fields/actions';
import { saveLayoutAction } from '@/app/[serviceId]/(desk)/settings/fields/layout-actions';
import { runFieldCrypto } from '@/lib/pii/field-crypto';
import { readFieldValues } from '@/lib/pii/read-field-values';
import { createTicket } from '@/lib/tickets/create-ticket';
import { asSessionMember, makeAgent, makeService } from '../helpers/factories';
import { setupTestDb } from '../helpers/db';
import { signInAs } from '../helpers/session';

jest.mock('@/lib/auth/session', () => jest.requireActual('../helpers/session').sessionMock);

const db = setupTestDb();

async function setup() {
  const s = await makeService(db());
  const { member } = await makeAgent(db(), s.id, 'admin');
  signInAs(asSessionMember(member));
  const byCode = async (code: string) =>
    (
      await db()
        .select()
        .from(fields)
        .where(and(eq(fields.serviceId, s.id), eq(fields.code, code)))
    )[0];
  return { s, byCode };
}

describe('field rules', () => {
  it('refuses a custom field code that is a substitution or system code', async () => {
    const { s } = await setup();
    for (const code of ['status', 'ticketNo', 'group', 'Assignee', 'inquiry']) {
      const r = await createFieldAction(null, {
        serviceId: s.id,
        audience: 'customer',
        type: 'text',
        code,
        names: { ko: '이름표' },
      });
      expect(r).toMatchObject({ ok: false, fieldErrors: { code: [expect.stringContaining('치환코드')] } });
    }
    expect(
      (
        await createFieldAction(null, {
          serviceId: s.id,
          audience: 'customer',
          type: 'text',
          code: 'orderNo',
          names: { ko: '주문번호' },
        })
      ).ok,
    ).toBe(true);
  });

  it('refuses a customer layout without 제목 or 내용', async () => {
    const { s, byCode } = await setup();
    const ids = async (codes: string[]) => Promise.all(codes.map(async (c) => (await byCode(c)).id));
    const noSubject = await saveLayoutAction(null, {
      serviceId: s.id,
      audience: 'customer',
      intakeTypeId: null,
      fieldIds: await ids(['category', 'content', 'name', 'personalAgree']),
    });
    expect(noSubject).toMatchObject({
      ok: false,
      fieldErrors: { fieldIds: ['고객 필드 설정에는 제목과 내용이 있어야 합니다.'] },
    });
    const noContent = await saveLayoutAction(null, {
      serviceId: s.id,
      audience: 'customer',
      intakeTypeId: null,
      fieldIds: await ids(['category', 'subject', 'personalAgree']),
    });
    expect(noContent.ok).toBe(false);
    expect(
      (
        await saveLayoutAction(null, {
          serviceId: s.id,
          audience: 'customer',
          intakeTypeId: null,
          fieldIds: await ids(['category', 'subject', 'content', 'personalAgree']),
        })
      ).ok,
    ).toBe(true);
  });

  it('locks 암호화 and 파기 on fields stored as ticket columns', async () => {
    const { s, byCode } = await setup();
    const subject = await byCode('subject');
    const enc = await updateFieldAction(null, {
      serviceId: s.id,
      fieldId: subject.id,
      names: { ko: '제목' },
      required: true,
      encrypted: true,
    });
    expect(enc).toMatchObject({
      ok: false,
      fieldErrors: { encrypted: [expect.stringContaining('암호화할 수 없습니다')] },
    });
    const priority = await byCode('priority');
    const destroy = await updateFieldAction(null, {
      serviceId: s.id,
      fieldId: priority.id,
      names: { ko: '우선순위' },
      options: priority.options,
      destroyAfterDays: 30,
      destroyBasis: 'closed',
    });
    expect(destroy).toMatchObject({ ok: false, fieldErrors: { destroyAfterDays: [expect.any(String)] } });
  });

  it('encrypts stored values in a background run when 암호화 is switched on, and decrypts them when it is switched off', async () => {
    const { s, byCode } = await setup();
    const [name, phone] = [await byCode('name'), await byCode('phone')];
    const made = [];
    for (let i = 0; i < 3; i++) {
      made.push(
        (
          await db().transaction((tx) =>
            createTicket(tx, {
              serviceId: s.id,
              channel: 'manual',
              language: 'ko',
              subject: `문의 ${i}`,
              content: '내용',
              intakeTypeId: null,
              entries: [
                { field: name, value: '홍길동' },
                { field: phone, value: `010-1234-000${i}` },
              ],
              actor: { type: 'system' },
            }),
          )
        ).snapshot,
      );
    }
    const on = await updateFieldAction(null, {
      serviceId: s.id,
      fieldId: phone.id,
      names: phone.names,
      maxLength: phone.maxLength,
      encrypted: true,
    });
    expect(on.ok).toBe(true);
    const [run] = await db().select().from(fieldCryptoRuns).where(eq(fieldCryptoRuns.fieldId, phone.id));
    expect(run).toMatchObject({ encrypt: true, total: 3, done: 0, status: 'pending' });
    // A second switch waits for the run.
    const again = await updateFieldAction(null, {
      serviceId: s.id,
      fieldId: phone.id,
      names: phone.names,
      maxLength: phone.maxLength,
      encrypted: false,
    });
    expect(again).toMatchObject({
      ok: false,
      fieldErrors: { encrypted: [expect.stringContaining('암호화/복호화하는 중')] },
    });

    expect(await runFieldCrypto(db())).toBe(3);
    expect((await db().select().from(fieldCryptoRuns).where(eq(fieldCryptoRuns.id, run.id)))[0]).toMatchObject({
      done: 3,
      status: 'done',
      finishedAt: expect.any(Date),
    });
    const values = await db().select().from(ticketFieldValues).where(eq(ticketFieldValues.fieldId, phone.id));
    expect(values.every((v) => v.value === null && v.valueEncrypted)).toBe(true);
    const [t0] = await db().select().from(tickets).where(eq(tickets.id, made[0].id));
    expect(t0.requesterPhone).toBeNull();
    expect(t0.searchText).not.toContain('010-1234');
    expect((await readFieldValues(db(), s.id, made[0].id, { reveal: true })).phone.value).toBe('010-1234-0000');

    expect(
      (
        await updateFieldAction(null, {
          serviceId: s.id,
          fieldId: phone.id,
          names: phone.names,
          maxLength: phone.maxLength,
          encrypted: false,
        })
      ).ok,
    ).toBe(true);
    expect(await runFieldCrypto(db())).toBe(3);
    const [t1] = await db().select().from(tickets).where(eq(tickets.id, made[1].id));
    expect(t1.requesterPhone).toBe('010-1234-0001');
    expect(t1.searchText).toContain('010-1234-0001');
    expect(
      (await db().select().from(ticketFieldValues).where(eq(ticketFieldValues.fieldId, phone.id)))
        .map((v) => v.value)
        .sort(),
    ).toEqual(['010-1234-0000', '010-1234-0001', '010-1234-0002']);
  });
});
