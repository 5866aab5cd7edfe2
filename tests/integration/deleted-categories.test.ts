import { and, eq } from 'drizzle-orm';
import { fields, tickets } from '@/db/schema';
import { createCategoryAction, deleteCategoryAction } from '@/app/[serviceId]/(desk)/settings/categories/actions';
import { updateTicketAction } from '@/app/[serviceId]/(desk)/tickets/actions';
import { categoryOptions, withCurrent } from '@/components/tickets/category-options';
import { ticketLabels } from '@/db/queries/ticket-labels';
import { getCategoryTree } from '@/lib/categories/tree';
import { createTicket } from '@/lib/tickets/create-ticket';
import { asSessionMember, makeAgent, makeService } from '../helpers/factories';
import { setupTestDb } from '../helpers/db';
import { signInAs } from '../helpers/session';

jest.mock('@/lib/auth/session', () => jest.requireActual('../helpers/session').sessionMock);

const db = setupTestDb();

async function made<T>(r: Promise<{ ok: boolean; data?: T }>): Promise<T> {
  const x = await r;
  if (!x.ok) throw new Error(JSON.stringify(x));
  return x.data as T;
}

describe('a ticket whose categories were deleted', () => {
  it('shows both names marked as deleted, and saving the 상담원 필드 form keeps them', async () => {
    const s = await makeService(db());
    const { member: admin } = await makeAgent(db(), s.id, 'admin');
    signInAs(asSessionMember(admin));
    const intake = await made<{ id: string }>(
      createCategoryAction(null, { serviceId: s.id, kind: 'intake', parentId: null, names: { ko: '환불' } }),
    );
    const processing = await made<{ id: string }>(
      createCategoryAction(null, { serviceId: s.id, kind: 'processing', parentId: null, names: { ko: '환불 처리' } }),
    );
    await made(
      createCategoryAction(null, { serviceId: s.id, kind: 'processing', parentId: null, names: { ko: '기타' } }),
    );
    const [name] = await db()
      .select()
      .from(fields)
      .where(and(eq(fields.serviceId, s.id), eq(fields.code, 'name')));
    const { snapshot } = await db().transaction((tx) =>
      createTicket(tx, {
        serviceId: s.id,
        channel: 'manual',
        language: 'ko',
        subject: '환불',
        content: '환불해 주세요',
        intakeTypeId: intake.id,
        processingTypeId: processing.id,
        entries: [{ field: name, value: '홍길동' }],
        actor: { type: 'system' },
      }),
    );
    await made(deleteCategoryAction(null, { serviceId: s.id, id: intake.id }));
    await made(deleteCategoryAction(null, { serviceId: s.id, id: processing.id }));

    const label = await ticketLabels(db(), s.id, 'ko', {
      categories: [intake.id, processing.id],
      members: [],
      groups: [],
    });
    expect([label(intake.id), label.deleted(intake.id), label(processing.id), label.deleted(processing.id)]).toEqual([
      '환불',
      true,
      '환불 처리',
      true,
    ]);

    // What the ticket screen offers in its selects: the deleted type stays selectable and selected.
    const options = withCurrent(
      categoryOptions(await getCategoryTree(db(), s.id, 'processing', 'ko')),
      processing.id,
      '환불 처리 (삭제됨)',
    );
    expect(options.map((o) => o.label)).toEqual(['환불 처리 (삭제됨)', '기타']);

    // Saving the form submits the selects' values unchanged: the ticket keeps both types.
    const r = await updateTicketAction(null, {
      serviceId: s.id,
      ticketId: snapshot.id,
      version: 1,
      intakeTypeId: intake.id,
      processingTypeId: processing.id,
      values: { priority: 'high' },
    });
    expect(r).toMatchObject({ ok: true });
    const [row] = await db().select().from(tickets).where(eq(tickets.id, snapshot.id));
    expect(row).toMatchObject({ intakeTypeId: intake.id, processingTypeId: processing.id, priority: 'high' });
  });
});
