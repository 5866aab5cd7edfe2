import { and, asc, eq } from 'drizzle-orm';
import { categories, fields, ticketHistory, ticketMessages, tickets } from '@/db/schema';
import { createTicket } from '@/lib/tickets/create-ticket';
import { recordTicketChange } from '@/lib/tickets/record-change';
import { loadTicket } from '@/lib/tickets/snapshot';
import { makeAgent, makeService } from '../helpers/factories';
import { setupTestDb } from '../helpers/db';

const db = setupTestDb();

async function field(serviceId: string, code: string) {
  const [f] = await db()
    .select()
    .from(fields)
    .where(and(eq(fields.serviceId, serviceId), eq(fields.code, code)));
  return f;
}

async function newTicket(serviceId: string, over: Partial<Parameters<typeof createTicket>[1]> = {}) {
  const name = await field(serviceId, 'name');
  return db().transaction((tx) =>
    createTicket(tx, {
      serviceId,
      channel: 'helpcenter_web',
      language: 'ko',
      subject: '환불 문의',
      content: '결제를 취소하고 싶어요',
      intakeTypeId: null,
      entries: [{ field: name, value: '홍길동' }],
      actor: { type: 'customer', name: '홍길동' },
      ...over,
    }),
  );
}

describe('createTicket', () => {
  it('numbers tickets per service from the counter, without gaps or duplicates under concurrency', async () => {
    const a = await makeService(db());
    const b = await makeService(db());
    const made = await Promise.all(Array.from({ length: 12 }, (_, i) => newTicket(i % 3 === 0 ? b.id : a.id)));
    const numbers = (id: string) =>
      made
        .filter((m) => m.snapshot.serviceId === id)
        .map((m) => m.snapshot.number)
        .sort((x, y) => x - y);
    expect(numbers(a.id)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect(numbers(b.id)).toEqual([1, 2, 3, 4]);
  });

  it('stores the inquiry as the first message, the requester, and a "created" history row by the customer', async () => {
    const s = await makeService(db());
    const { snapshot } = await newTicket(s.id);
    const [row] = await db().select().from(tickets).where(eq(tickets.id, snapshot.id));
    expect(row).toMatchObject({ status: 'new', requesterName: '홍길동', channel: 'helpcenter_web', language: 'ko' });
    expect(row.searchText).toContain('환불 문의');
    const msgs = await db().select().from(ticketMessages).where(eq(ticketMessages.ticketId, snapshot.id));
    expect(msgs.map((m) => [m.kind, m.body])).toEqual([['inquiry', '결제를 취소하고 싶어요']]);
    const hist = await db().select().from(ticketHistory).where(eq(ticketHistory.ticketId, snapshot.id));
    expect(hist.map((h) => [h.actorType, h.actorName, h.action])).toEqual([['customer', '홍길동', 'created']]);
    expect(snapshot.fields).toEqual({ name: '홍길동' });
  });

  it('refuses an inactive, deleted or foreign intake type and writes nothing', async () => {
    const s = await makeService(db());
    const other = await makeService(db());
    const [foreign] = await db()
      .insert(categories)
      .values({ serviceId: other.id, kind: 'intake', path: '/y/', depth: 1, name: '결제' })
      .returning();
    const [own] = await db()
      .insert(categories)
      .values({ serviceId: s.id, kind: 'intake', path: '/x/', depth: 1, name: '비활성', active: false })
      .returning();
    for (const id of [own.id, foreign.id, '00000000-0000-4000-8000-000000000000', 'not-a-uuid']) {
      await expect(newTicket(s.id, { intakeTypeId: id })).rejects.toMatchObject({
        fieldErrors: { category: [{ key: 'validation.categoryUnknown' }] },
      });
    }
    expect(await db().select().from(tickets).where(eq(tickets.serviceId, s.id))).toEqual([]);
  });
});

describe('recordTicketChange', () => {
  it('writes one history row per changed value, with names, and opens a new ticket that gets an assignee', async () => {
    const s = await makeService(db());
    const { member } = await makeAgent(db(), s.id, 'agent', {}, { name: '김상담' });
    const { snapshot } = await newTicket(s.id);
    await db().transaction(async (tx) => {
      const { snapshot: before } = await loadTicket(tx, s.id, snapshot.id, { forUpdate: true });
      const after = { ...before, assigneeId: member.id, priority: 'high' as const };
      await tx.update(tickets).set({ assigneeId: member.id, priority: 'high' }).where(eq(tickets.id, before.id));
      await recordTicketChange(
        tx,
        { serviceId: s.id, actor: { type: 'member', id: member.id, name: member.name } },
        { event: 'updated', before, after },
      );
    });
    const hist = await db()
      .select()
      .from(ticketHistory)
      .where(eq(ticketHistory.ticketId, snapshot.id))
      .orderBy(asc(ticketHistory.createdAt));
    const changes = hist.filter((h) => h.action === 'change').map((h) => [h.field, h.before, h.after]);
    expect(changes).toEqual(
      expect.arrayContaining([
        ['priority', 'normal', 'high'],
        ['assigneeId', null, { id: member.id, name: '김상담' }],
        ['status', 'new', 'open'],
      ]),
    );
    const [row] = await db().select().from(tickets).where(eq(tickets.id, snapshot.id));
    expect(row.status).toBe('open');
    expect(row.version).toBe(2);
  });
});
