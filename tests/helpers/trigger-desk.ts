import { and, eq } from 'drizzle-orm';
import type { Db } from '@/db';
import { categories, fields } from '@/db/schema';
import { createTicket } from '@/lib/tickets/create-ticket';
import { asSessionMember, makeAgent, makeService } from './factories';
import { signInAs } from './session';

/** A condition every new ticket meets. */
export const always = { mode: 'all', target: 'event', operator: 'is', value: 'created' } as const;

/** Services, intake types and tickets for the trigger tests, in the db `db` gives. */
export function triggerDesk(db: () => Db) {
  /** A help-center ticket from 홍길동 through the real creation path, so triggers run. */
  async function newTicket(serviceId: string, over: Partial<Parameters<typeof createTicket>[1]> = {}) {
    const [name] = await db()
      .select()
      .from(fields)
      .where(and(eq(fields.serviceId, serviceId), eq(fields.code, 'name')));
    return db().transaction((tx) =>
      createTicket(tx, {
        serviceId,
        channel: 'helpcenter_web',
        language: 'ko',
        subject: '결제 문의',
        content: '카드 결제 오류',
        intakeTypeId: null,
        entries: [{ field: name, value: '홍길동' }],
        actor: { type: 'customer', name: '홍길동' },
        ...over,
      }),
    );
  }

  /** A new service whose admin is signed in. */
  async function setup() {
    const s = await makeService(db());
    const { member: admin } = await makeAgent(db(), s.id, 'admin');
    signInAs(asSessionMember(admin));
    return s;
  }

  /** An intake type at the top, or under `parent`. */
  async function category(serviceId: string, name: string, parent?: { id: string; path: string }) {
    const id = crypto.randomUUID();
    const [c] = await db()
      .insert(categories)
      .values({
        id,
        serviceId,
        kind: 'intake',
        name,
        names: { ko: name },
        path: `${parent?.path ?? '/'}${id}/`,
        parentId: parent?.id ?? null,
        depth: parent ? 2 : 1,
        position: 0,
      } as typeof categories.$inferInsert)
      .returning();
    return c;
  }

  return { newTicket, setup, category };
}
