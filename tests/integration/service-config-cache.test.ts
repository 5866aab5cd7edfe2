import { and, asc, eq } from 'drizzle-orm';
import { Client } from 'pg';
import { categories, fields, ticketHistory, triggers, type Field } from '@/db/schema';
import { bumpTriggersVersion } from '@/lib/triggers/bump-version';
import { createTicket } from '@/lib/tickets/create-ticket';
import type { TicketChannel } from '@/db/schema';
import { makeAgent, makeGroup, makeService } from '../helpers/factories';
import { setupTestDb } from '../helpers/db';

const db = setupTestDb();

/** Another app instance: its own connection, none of this process's memo. */
async function elsewhere(text: string, values: unknown[] = []) {
  const c = new Client({ connectionString: process.env.DATABASE_URL });
  await c.connect();
  try {
    await c.query(text, values);
  } finally {
    await c.end();
  }
}

async function setup() {
  const s = await makeService(db());
  const a = await makeAgent(db(), s.id);
  const b = await makeAgent(db(), s.id);
  const g = await makeGroup(db(), s.id, '결제', [a.agent.id, b.agent.id]);
  const id = crypto.randomUUID();
  await db()
    .insert(categories)
    .values({
      id,
      serviceId: s.id,
      kind: 'intake',
      name: '결제',
      names: { ko: '결제' },
      path: `/${id}/`,
      depth: 1,
      position: 0,
    } as typeof categories.$inferInsert);
  // Every ticket is assigned round-robin in the group, so each one reads the group's assignable agents.
  await db().transaction(async (tx) => {
    await tx.insert(triggers).values({
      serviceId: s.id,
      title: '배정',
      active: true,
      position: 0,
      conditions: [{ mode: 'all', target: 'event', operator: 'is', value: 'created' }],
      results: [{ type: 'assign', groupId: g.id, method: 'round_robin' }],
    });
    await bumpTriggersVersion(tx, s.id);
  });
  const [name] = await db()
    .select()
    .from(fields)
    .where(and(eq(fields.serviceId, s.id), eq(fields.code, 'name')));
  const create = (channel: TicketChannel = 'helpcenter_web') =>
    db().transaction((tx) =>
      createTicket(tx, {
        serviceId: s.id,
        channel,
        language: 'ko',
        subject: '결제 문의',
        content: '내용',
        intakeTypeId: id,
        entries: [{ field: name as Field, value: '홍길동' }],
        actor: { type: 'customer', name: '홍길동' },
      }),
    );
  return { s, a, b, g, intakeTypeId: id, create };
}

describe('the per-service configuration memo of the intake path', () => {
  it('serves a change committed by another instance to the very next ticket', async () => {
    const { a, b, g, intakeTypeId, create } = await setup();
    const first = await create();
    expect([a.member.id, b.member.id]).toContain(first.snapshot.assigneeId);

    // Another instance takes agent A out of assignment and renames the group.
    await elsewhere(`UPDATE service_members SET assignable = false WHERE id = $1`, [a.agent.id]);
    await elsewhere(`UPDATE groups SET name = '결제팀' WHERE id = $1`, [g.id]);
    for (let i = 0; i < 3; i++) expect((await create()).snapshot.assigneeId).toBe(b.member.id);
    const last = await create();
    const rows = await db()
      .select()
      .from(ticketHistory)
      .where(and(eq(ticketHistory.ticketId, last.snapshot.id), eq(ticketHistory.field, 'groupId')))
      .orderBy(asc(ticketHistory.seq));
    expect(rows[0].after).toEqual({ id: g.id, name: '결제팀' });

    // And turns the intake type off: the help center may no longer file under it.
    await elsewhere(`UPDATE categories SET active = false WHERE id = $1`, [intakeTypeId]);
    await expect(create()).rejects.toMatchObject({
      fieldErrors: { category: [{ key: 'validation.categoryUnknown' }] },
    });
    expect((await create('manual')).snapshot.intakeTypeId).toBe(intakeTypeId);
  });

  it('never serves what a rolled-back transaction saw', async () => {
    const { s, g, intakeTypeId, create } = await setup();
    await create();
    class Rollback extends Error {}
    // Inside a transaction that turns the intake type off, a ticket is refused under it …
    await expect(
      db().transaction(async (tx) => {
        await tx.update(categories).set({ active: false }).where(eq(categories.id, intakeTypeId));
        await createTicket(tx, {
          serviceId: s.id,
          channel: 'helpcenter_web',
          language: 'ko',
          subject: 'x',
          content: 'y',
          intakeTypeId,
          entries: [],
          actor: { type: 'customer', name: null },
        }).catch(() => {
          throw new Rollback();
        });
      }),
    ).rejects.toBeInstanceOf(Rollback);
    // … and once it rolled back, the type is open again for everyone, also after the next
    // committed change (which must not land on the version the rolled-back one had).
    expect((await create()).snapshot.intakeTypeId).toBe(intakeTypeId);
    await elsewhere(`UPDATE groups SET name = '결제팀' WHERE id = $1`, [g.id]);
    expect((await create()).snapshot.intakeTypeId).toBe(intakeTypeId);
  });
});
