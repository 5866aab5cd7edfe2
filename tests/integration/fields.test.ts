import { and, eq, sql } from 'drizzle-orm';
import { fields } from '@/db/schema';
import {
  createFieldAction,
  deleteFieldAction,
  resetFieldAction,
  updateFieldAction,
} from '@/app/[serviceId]/(desk)/settings/fields/actions';
import { addAgent, asSessionMember, makeMember, makeService } from '../helpers/factories';
import { setupTestDb } from '../helpers/db';
import { signInAs, signOut } from '../helpers/session';

jest.mock('@/lib/auth/session', () => jest.requireActual('../helpers/session').sessionMock);

const db = setupTestDb();
const count = async () =>
  (
    await db()
      .select({ n: sql<number>`count(*)::int` })
      .from(fields)
  )[0].n;

async function adminOf(serviceId: string, locale: 'ko' | 'en' = 'en') {
  const m = await makeMember(db(), { locale });
  await addAgent(db(), serviceId, m.id, 'admin');
  signInAs(asSessionMember(m));
  return m;
}

const dropdown = (serviceId: string, code: string) => ({
  serviceId,
  audience: 'customer',
  type: 'dropdown',
  code,
  names: { ko: '문의 구분', en: 'Inquiry kind' },
  options: [
    { value: 'order', labels: { ko: '주문', en: 'Order' } },
    { value: 'refund', labels: { ko: '환불', en: 'Refund' } },
  ],
});

describe('field management', () => {
  it('gives every new service its system fields', async () => {
    const s = await makeService(db());
    const rows = await db().select().from(fields).where(eq(fields.serviceId, s.id));
    expect(rows.map((r) => r.code).sort()).toEqual([
      'attachment',
      'category',
      'content',
      'mail',
      'name',
      'personalAgree',
      'phone',
      'priority',
      'processingType',
      'subject',
    ]);
    expect(rows.every((r) => r.isSystem)).toBe(true);
  });

  it('creates a dropdown with per-language options', async () => {
    const s = await makeService(db());
    await adminOf(s.id);
    const r = await createFieldAction(null, dropdown(s.id, 'inquiryKind'));
    expect(r.ok).toBe(true);
    const [f] = await db()
      .select()
      .from(fields)
      .where(and(eq(fields.serviceId, s.id), eq(fields.code, 'inquiryKind')));
    expect(f.options).toHaveLength(2);
    expect(f.names).toEqual({ ko: '문의 구분', en: 'Inquiry kind' });
  });

  it('never lets a code be used twice, not even after the field is deleted', async () => {
    const s = await makeService(db());
    await adminOf(s.id);
    const created = await createFieldAction(null, dropdown(s.id, 'orderNo'));
    const id = created.ok ? created.data.id : '';
    expect((await deleteFieldAction(null, { serviceId: s.id, fieldId: id })).ok).toBe(true);
    const again = await createFieldAction(null, dropdown(s.id, 'ORDERNO'));
    expect(!again.ok && again.fieldErrors?.code).toEqual([
      'The code ORDERNO is used by another field or a deleted one, and cannot be used again.',
    ]);
    const system = await createFieldAction(null, dropdown(s.id, 'subject'));
    expect(!system.ok && system.fieldErrors?.code).toHaveLength(1);
    // Another service may use the same code.
    const other = await makeService(db());
    await adminOf(other.id);
    expect((await createFieldAction(null, dropdown(other.id, 'orderNo'))).ok).toBe(true);
  });

  it('refuses bad definitions with field messages and writes nothing', async () => {
    const s = await makeService(db());
    await adminOf(s.id);
    const before = await count();
    const cases: [Record<string, unknown>, string][] = [
      [{ code: 'order no' }, 'code'],
      [{ code: '주문번호' }, 'code'],
      [{ code: 'a'.repeat(51) }, 'code'],
      [
        {
          code: 'dupOpts',
          options: [
            { value: 'a', labels: { ko: 'A' } },
            { value: 'A', labels: { ko: 'B' } },
          ],
        },
        'options',
      ],
      [{ code: 'emptyOpt', options: [{ value: ' ', labels: { ko: 'A' } }] }, 'options'],
      [{ code: 'noOpts', options: [] }, 'options'],
      [{ code: 'capReq', type: 'caption', required: true, options: [] }, 'required'],
      [{ code: 'zeroDays', destroyAfterDays: 0, destroyBasis: 'closed' }, 'destroyAfterDays'],
      [{ code: 'century', destroyAfterDays: 36500, destroyBasis: 'closed' }, 'destroyAfterDays'],
      [{ code: 'noBasis', destroyAfterDays: 30 }, 'destroyAfterDays'],
      [{ code: 'noName', names: { en: 'Only English' } }, 'names'],
      [{ code: 'badDefault', defaultValue: 'missing' }, 'defaultValue'],
      [{ code: 'badType', type: 'slider' }, 'type'],
    ];
    for (const [over, field] of cases) {
      const r = await createFieldAction(null, { ...dropdown(s.id, 'x'), ...over });
      expect([over, !r.ok && Object.keys(r.fieldErrors ?? {})]).toEqual([over, expect.arrayContaining([field])]);
    }
    expect(await count()).toBe(before);
  });

  it('keeps the always-required system fields required, and resets system fields', async () => {
    const s = await makeService(db());
    await adminOf(s.id, 'ko');
    const [subject] = await db()
      .select()
      .from(fields)
      .where(and(eq(fields.serviceId, s.id), eq(fields.code, 'subject')));
    const off = await updateFieldAction(null, {
      serviceId: s.id,
      fieldId: subject.id,
      names: { ko: '제목' },
      required: false,
    });
    expect(!off.ok && off.fieldErrors?.required).toEqual([
      '제목, 접수유형, 내용, 개인정보수집 필드는 항상 필수입니다.',
    ]);
    const [phone] = await db()
      .select()
      .from(fields)
      .where(and(eq(fields.serviceId, s.id), eq(fields.code, 'phone')));
    const enc = await updateFieldAction(null, {
      serviceId: s.id,
      fieldId: phone.id,
      names: { ko: '휴대폰', en: 'Mobile' },
      encrypted: true,
      destroyAfterDays: 30,
      destroyBasis: 'closed',
    });
    expect(enc.ok).toBe(true);
    expect((await db().select().from(fields).where(eq(fields.id, phone.id)))[0]).toMatchObject({
      encrypted: true,
      destroyAfterDays: 30,
      names: { ko: '휴대폰', en: 'Mobile' },
    });
    expect((await resetFieldAction(null, { serviceId: s.id, fieldId: phone.id })).ok).toBe(true);
    expect((await db().select().from(fields).where(eq(fields.id, phone.id)))[0]).toMatchObject({
      encrypted: false,
      destroyAfterDays: null,
      names: { ko: '전화번호', en: 'Phone' },
    });
    expect(await deleteFieldAction(null, { serviceId: s.id, fieldId: phone.id })).toEqual({
      ok: false,
      error: '시스템 필드는 삭제할 수 없습니다. 초기화를 사용하세요.',
    });
  });

  it("is for admins of the service only; other services' fields are not found", async () => {
    const a = await makeService(db());
    const b = await makeService(db());
    const agent = await makeMember(db());
    await addAgent(db(), a.id, agent.id, 'agent');
    signInAs(asSessionMember(agent));
    expect(await createFieldAction(null, dropdown(a.id, 'byAgent'))).toEqual({ ok: false, error: '권한이 없습니다.' });
    await adminOf(b.id);
    expect(await createFieldAction(null, dropdown(a.id, 'byOther'))).toEqual({ ok: false, error: 'Not found.' });
    const [aField] = await db()
      .select()
      .from(fields)
      .where(and(eq(fields.serviceId, a.id), eq(fields.code, 'name')));
    expect(await updateFieldAction(null, { serviceId: b.id, fieldId: aField.id, names: { ko: 'x' } })).toEqual({
      ok: false,
      error: 'Not found.',
    });
    expect(await resetFieldAction(null, { serviceId: b.id, fieldId: 'not-a-uuid' })).toMatchObject({ ok: false });
    signOut();
    expect(await deleteFieldAction(null, { serviceId: a.id, fieldId: aField.id })).toEqual({
      ok: false,
      error: '로그인이 필요합니다.',
    });
  });
});
