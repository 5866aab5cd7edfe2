import { and, eq } from 'drizzle-orm';
import { fields, type Field } from '@/db/schema';
import { createCategory } from '@/lib/categories/create';
import { createField } from '@/lib/fields/create-field';
import { deleteField } from '@/lib/fields/delete-field';
import { resolveLayout } from '@/lib/field-layouts/resolve-layout';
import { removeOwnLayout, saveLayout } from '@/lib/field-layouts/save-layout';
import { validateTicketFields } from '@/lib/field-layouts/validate-ticket-fields';
import { makeService } from '../helpers/factories';
import { setupTestDb } from '../helpers/db';

const db = setupTestDb();

async function setup() {
  const service = await makeService(db());
  const ctx = { db: db(), service };
  const root = await createCategory(ctx, { kind: 'intake', parentId: null, names: { ko: '결제', en: 'Payment' } });
  const child = await createCategory(ctx, { kind: 'intake', parentId: root.id, names: { ko: '환불', en: 'Refund' } });
  const grandchild = await createCategory(ctx, {
    kind: 'intake',
    parentId: child.id,
    names: { ko: '부분 환불', en: 'Partial' },
  });
  const all = await db().select().from(fields).where(eq(fields.serviceId, service.id));
  const byCode = (c: string) => all.find((f) => f.code === c) as Field;
  const orderNo = await createField(ctx, {
    audience: 'customer',
    type: 'text',
    code: 'orderNo',
    names: { ko: '주문번호' },
    descriptions: {},
    placeholders: {},
    visible: true,
    required: true,
    encrypted: false,
    destroyAfterDays: null,
    destroyBasis: null,
    options: [],
    maxLength: 20,
  });
  return { service, ctx, root, child, grandchild, byCode, orderNo };
}

describe('field layouts (필드 설정)', () => {
  it('starts from the default form and lets a type have its own list that its children inherit', async () => {
    const { service, ctx, root, child, grandchild, byCode, orderNo } = await setup();
    expect((await resolveLayout(db(), service.id, 'customer', child.id)).source).toBe('default');
    const ids = ['category', 'subject', 'content']
      .map((c) => byCode(c).id)
      .concat(orderNo.id, byCode('personalAgree').id);
    await saveLayout(ctx, { audience: 'customer', intakeTypeId: root.id, fieldIds: ids });
    const inherited = await resolveLayout(db(), service.id, 'customer', grandchild.id);
    expect(inherited).toMatchObject({ source: 'inherited', fromIntakeTypeId: root.id });
    expect(inherited.fields.map((f) => f.code)).toEqual(['category', 'subject', 'content', 'orderNo', 'personalAgree']);
    await saveLayout(ctx, { audience: 'customer', intakeTypeId: child.id, fieldIds: [ids[0], ids[1], ids[2], ids[4]] });
    expect((await resolveLayout(db(), service.id, 'customer', grandchild.id)).fromIntakeTypeId).toBe(child.id);
    expect((await resolveLayout(db(), service.id, 'customer', child.id)).source).toBe('own');
    await removeOwnLayout(ctx, { intakeTypeId: child.id });
    expect((await resolveLayout(db(), service.id, 'customer', child.id)).source).toBe('inherited');
  });

  it("keeps pinned fields in place and refuses duplicates and other services' fields", async () => {
    const { ctx, root, byCode, orderNo } = await setup();
    const other = await setup();
    const good = [byCode('category').id, orderNo.id, byCode('personalAgree').id];
    await expect(
      saveLayout(ctx, {
        audience: 'customer',
        intakeTypeId: root.id,
        fieldIds: [orderNo.id, byCode('category').id, byCode('personalAgree').id],
      }),
    ).rejects.toMatchObject({ fieldErrors: { fieldIds: [{ key: 'validation.layoutPinned' }] } });
    await expect(
      saveLayout(ctx, {
        audience: 'customer',
        intakeTypeId: root.id,
        fieldIds: [byCode('category').id, byCode('personalAgree').id, orderNo.id],
      }),
    ).rejects.toMatchObject({ fieldErrors: { fieldIds: [{ key: 'validation.layoutPinned' }] } });
    await expect(
      saveLayout(ctx, { audience: 'customer', intakeTypeId: root.id, fieldIds: [good[0], good[1], good[1], good[2]] }),
    ).rejects.toMatchObject({ fieldErrors: { fieldIds: [{ key: 'validation.layoutDuplicate' }] } });
    await expect(
      saveLayout(ctx, { audience: 'customer', intakeTypeId: root.id, fieldIds: [good[0], other.orderNo.id, good[2]] }),
    ).rejects.toMatchObject({ key: 'errors.fieldNotFound' });
    await expect(
      saveLayout(ctx, { audience: 'customer', intakeTypeId: other.root.id, fieldIds: good }),
    ).rejects.toMatchObject({ key: 'errors.categoryNotFound' });
    const agentIds = ['priority', 'processingType'].map((c) => byCode(c).id);
    await expect(saveLayout(ctx, { audience: 'agent', intakeTypeId: null, fieldIds: agentIds })).rejects.toMatchObject({
      fieldErrors: { fieldIds: [{ key: 'validation.layoutPinned' }] },
    });
    expect(
      (await saveLayout(ctx, { audience: 'agent', intakeTypeId: null, fieldIds: agentIds.reverse() })).fieldIds,
    ).toHaveLength(2);
  });

  it("validates submitted values against the chosen type's layout, and a deleted field leaves every layout", async () => {
    const { service, ctx, root, child, byCode, orderNo } = await setup();
    await saveLayout(ctx, {
      audience: 'customer',
      intakeTypeId: root.id,
      fieldIds: [
        byCode('category').id,
        byCode('subject').id,
        byCode('content').id,
        orderNo.id,
        byCode('personalAgree').id,
      ],
    });
    const bad = await validateTicketFields(db(), service.id, 'customer', child.id, {
      subject: '환불 요청',
      content: '환불해 주세요',
      orderNo: 'x'.repeat(21),
    });
    expect(bad.errors).toEqual({
      orderNo: [{ key: 'validation.tooLong', params: { max: 20 } }],
      personalAgree: [{ key: 'validation.field.mustAgree' }],
    });
    const ok = await validateTicketFields(db(), service.id, 'customer', child.id, {
      subject: '환불 요청',
      orderNo: 'A-1',
      personalAgree: 'true',
      content: '환불해 주세요',
    });
    expect(ok).toMatchObject({
      ok: true,
      values: { subject: '환불 요청', content: '환불해 주세요', orderNo: 'A-1', personalAgree: true },
    });
    await deleteField(ctx, { fieldId: orderNo.id });
    const after = await resolveLayout(db(), service.id, 'customer', root.id);
    expect(after.fields.map((f) => f.code)).toEqual(['category', 'subject', 'content', 'personalAgree']);
    const rows = await db()
      .select()
      .from(fields)
      .where(and(eq(fields.serviceId, service.id), eq(fields.code, 'orderNo')));
    expect(rows[0].deletedAt).not.toBeNull();
  });
});

describe('layouts using a field', () => {
  it('names the intake types (and the default form) whose layout lists the field', async () => {
    const { layoutsUsingFields } = await import('@/lib/field-layouts/layouts-using');
    const { service, ctx, root, byCode, orderNo } = await setup();
    const kept = [byCode('subject').id, byCode('content').id];
    await saveLayout(ctx, {
      audience: 'customer',
      intakeTypeId: root.id,
      fieldIds: [byCode('category').id, ...kept, orderNo.id, byCode('personalAgree').id],
    });
    await saveLayout(ctx, {
      audience: 'customer',
      intakeTypeId: null,
      fieldIds: [byCode('category').id, ...kept, orderNo.id, byCode('personalAgree').id],
    });
    const used = await layoutsUsingFields(db(), service.id, 'customer');
    expect(used.get(orderNo.id)).toHaveLength(2);
    expect(used.get(orderNo.id)).toEqual(expect.arrayContaining(['결제', null]));
    expect(used.get(byCode('phone').id)).toBeUndefined();
  });
});
