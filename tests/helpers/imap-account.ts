import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { ImapFlow } from 'imapflow';
import type { Db } from '@/db';
import { mailAccounts } from '@/db/schema';
import { sealPassword } from '@/lib/mail/receivers/imap-poll';
import { startDovecot, type Dovecot } from './dovecot';

/**
 * A dovecot for one test file plus its accounts: `account` makes a dovecot user and the service's
 * 외부 계정 row for it (password `pw-right`), `mailbox` logs in as that user to put mail in.
 */
export function imapAccounts(db: () => Db) {
  let dovecot: Dovecot;
  beforeAll(async () => {
    dovecot = await startDovecot();
  }, 30000);
  afterAll(async () => {
    await dovecot?.stop();
  });

  async function account(serviceId: string, user: string, over: Partial<typeof mailAccounts.$inferInsert> = {}) {
    const id = randomUUID();
    await dovecot.addUser(user, 'pw-right');
    // dovecot re-reads its passwd-file by mtime (1 s resolution): let a new user become visible.
    await new Promise((r) => setTimeout(r, 1100));
    await db()
      .insert(mailAccounts)
      .values({
        id,
        serviceId,
        host: dovecot.host,
        port: dovecot.port,
        tls: false,
        username: user,
        passwordSealed: sealPassword(id, 'pw-right'),
        ...over,
      });
    return id;
  }

  async function mailbox(user: string) {
    const c = new ImapFlow({
      host: dovecot.host,
      port: dovecot.port,
      secure: false,
      auth: { user, pass: 'pw-right' },
      logger: false,
    });
    await c.connect();
    return c;
  }

  const accountRow = async (id: string) => (await db().select().from(mailAccounts).where(eq(mailAccounts.id, id)))[0];

  return { account, mailbox, accountRow };
}
