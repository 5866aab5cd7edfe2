import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { and, asc, eq } from 'drizzle-orm';
import type { Db } from '@/db';
import { fields, ticketHistory, tickets } from '@/db/schema';
import { createTicket } from '@/lib/tickets/create-ticket';
import { makeAgent, makeService } from './factories';
import { drainOutbox } from './mail';

/**
 * Points MAIL_DIR at a fresh folder before each test (SMTP off) and returns its accessor.
 * Mails an earlier test left in the outbox go to that test's folder, not this one's.
 */
export function mailDirPerTest(db: () => Db): () => string {
  let mailDir: string;
  beforeEach(async () => {
    await drainOutbox(db());
    mailDir = await fs.mkdtemp(path.join(os.tmpdir(), 'cd-mail-'));
    process.env.MAIL_DIR = mailDir;
    delete process.env.SMTP_URL;
  });
  return () => mailDir;
}

/** A service desk for the ticket action tests: tickets from the help center, rows and history. */
export function ticketDesk(db: () => Db) {
  async function field(serviceId: string, code: string) {
    const [f] = await db()
      .select()
      .from(fields)
      .where(and(eq(fields.serviceId, serviceId), eq(fields.code, code)));
    return f;
  }

  /** A help-center ticket from 홍길동, with customer@example.com unless `email` says otherwise. */
  async function ticketIn(serviceId: string, over: { email?: string | null } = {}) {
    const entries = [{ field: await field(serviceId, 'name'), value: '홍길동' }];
    if (over.email !== null)
      entries.push({ field: await field(serviceId, 'mail'), value: over.email ?? 'customer@example.com' });
    const { snapshot } = await db().transaction((tx) =>
      createTicket(tx, {
        serviceId,
        channel: 'helpcenter_web',
        language: 'ko',
        subject: '배송이 안 와요',
        content: '주문한 상품이 아직 안 왔습니다.',
        intakeTypeId: null,
        entries,
        actor: { type: 'customer', name: '홍길동' },
      }),
    );
    return snapshot;
  }

  const row = async (id: string) => (await db().select().from(tickets).where(eq(tickets.id, id)))[0];
  const history = async (id: string) =>
    db().select().from(ticketHistory).where(eq(ticketHistory.ticketId, id)).orderBy(asc(ticketHistory.createdAt));

  /** A service with two agents (김상담, 이상담) and an admin (박관리). */
  async function desk() {
    const service = await makeService(db());
    const a = await makeAgent(db(), service.id, 'agent', {}, { name: '김상담' });
    const b = await makeAgent(db(), service.id, 'agent', {}, { name: '이상담' });
    const admin = await makeAgent(db(), service.id, 'admin', {}, { name: '박관리' });
    return { service, a, b, admin };
  }

  return { ticketIn, row, history, desk };
}
