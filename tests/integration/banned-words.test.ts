import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import { bannedWords, ticketMessages, tickets } from '@/db/schema';
import {
  addBannedWordsAction,
  deleteBannedWordAction,
  updateBannedWordAction,
} from '@/app/[serviceId]/(desk)/settings/banned-words/actions';
import { checkBannedWordsAction } from '@/app/[serviceId]/(desk)/tickets/banned-word-actions';
import { bulkProcessAction, previewReplyAction, processTicketAction } from '@/app/[serviceId]/(desk)/tickets/actions';
import { assertNoBannedWords, findBannedWords } from '@/lib/banned-words/check';
import { ValidationError } from '@/lib/errors';
import { asSessionMember, makeAgent, makeService } from '../helpers/factories';
import { setupTestDb } from '../helpers/db';
import { signInAs } from '../helpers/session';
import { drainOutbox, readOutbox } from '../helpers/mail';
import { makeTicket } from '../helpers/tickets';

jest.mock('@/lib/auth/session', () => jest.requireActual('../helpers/session').sessionMock);

const db = setupTestDb();
let mailDir: string;
beforeEach(async () => {
  // Mails an earlier test left in the outbox go to that test's folder, not this one's.
  await drainOutbox(db());
  mailDir = await fs.mkdtemp(path.join(os.tmpdir(), 'cd-mail-'));
  process.env.MAIL_DIR = mailDir;
  delete process.env.SMTP_URL;
});

async function desk(words = '바보\nRefund') {
  const service = await makeService(db());
  const admin = await makeAgent(db(), service.id, 'admin');
  const agent = await makeAgent(db(), service.id, 'agent');
  signInAs(asSessionMember(admin.member));
  const r = await addBannedWordsAction(null, { serviceId: service.id, words });
  expect(r).toMatchObject({ ok: true });
  return { service, admin, agent };
}

const wordsOf = async (serviceId: string) =>
  (await db().select().from(bannedWords).where(eq(bannedWords.serviceId, serviceId))).map((w) => w.word).sort();

describe('banned words list', () => {
  it('adds trimmed words and refuses duplicates by case and spacing, naming the line, adding nothing', async () => {
    const { service } = await desk('  바보  \nRefund');
    expect(await wordsOf(service.id)).toEqual(['Refund', '바보']);
    for (const dup of ['새말\nREFUND', '새말\n바 보', '새말\n새말']) {
      const r = await addBannedWordsAction(null, { serviceId: service.id, words: dup });
      expect(r).toMatchObject({ ok: false, fieldErrors: { words: [expect.stringContaining('2')] } });
    }
    expect(await wordsOf(service.id)).toEqual(['Refund', '바보']);
  });

  it('refuses empty, whitespace-only, symbol-only and 200+ character words, and 10,000 pasted at once', async () => {
    const { service } = await desk();
    const bad = ['', '   \n  ', '!!!', 'x'.repeat(200), `괜찮은말\n${'가'.repeat(101)}`];
    for (const words of bad) {
      const r = await addBannedWordsAction(null, { serviceId: service.id, words });
      expect(r).toMatchObject({ ok: false, fieldErrors: { words: [expect.any(String)] } });
    }
    const many = Array.from({ length: 10_000 }, (_, i) => `단어${i}`).join('\n');
    const r = await addBannedWordsAction(null, { serviceId: service.id, words: many });
    expect(r).toMatchObject({ ok: false, fieldErrors: { words: [expect.stringContaining('10,000')] } });
    expect(await wordsOf(service.id)).toEqual(['Refund', '바보']);
    const edit = await updateBannedWordAction(null, {
      serviceId: service.id,
      id: (await db().select().from(bannedWords).where(eq(bannedWords.serviceId, service.id)))[0].id,
      word: '   ',
    });
    expect(edit).toMatchObject({ ok: false, fieldErrors: { word: [expect.any(String)] } });
  });

  it('finds a change at once: the compiled matcher is rebuilt when the list version moves', async () => {
    const { service } = await desk('바보');
    expect(await findBannedWords(db(), service.id, '바 보 멍청이')).toEqual([{ word: '바보', start: 0, end: 3 }]);
    await addBannedWordsAction(null, { serviceId: service.id, words: '멍청이' });
    expect((await findBannedWords(db(), service.id, '바 보 멍청이')).map((m) => m.word)).toEqual(['바보', '멍청이']);
    const [row] = await db().select().from(bannedWords).where(eq(bannedWords.word, '멍청이'));
    expect(await updateBannedWordAction(null, { serviceId: service.id, id: row.id, word: '똑똑이' })).toMatchObject({
      ok: true,
    });
    expect((await findBannedWords(db(), service.id, '바 보 멍청이')).map((m) => m.word)).toEqual(['바보']);
    expect(await deleteBannedWordAction(null, { serviceId: service.id, id: row.id })).toMatchObject({
      ok: true,
      data: { word: '똑똑이' },
    });
    // Another service's list is separate.
    const other = await makeService(db());
    expect(await findBannedWords(db(), other.id, '바보')).toEqual([]);
  });

  it('lets agents but not other services pre-check a text', async () => {
    const { service, agent } = await desk();
    signInAs(asSessionMember(agent.member));
    const r = await checkBannedWordsAction(null, { serviceId: service.id, text: '환불(refund)은 바.보' });
    expect(r).toMatchObject({
      ok: true,
      data: {
        matches: [
          { word: 'Refund', start: 3, end: 9 },
          { word: '바보', start: 12, end: 15 },
        ],
      },
    });
    const other = await makeService(db());
    expect(await checkBannedWordsAction(null, { serviceId: other.id, text: '바보' })).toMatchObject({ ok: false });
  });
});

describe('every reply path refuses a banned word', () => {
  it('assertNoBannedWords throws a field error naming the words', async () => {
    const { service } = await desk();
    await expect(assertNoBannedWords(db(), service.id, '안녕 바 보 REFUND', 'content')).rejects.toBeInstanceOf(
      ValidationError,
    );
    await assertNoBannedWords(db(), service.id, '안녕하세요, 환불 완료했습니다.');
    const err = await assertNoBannedWords(db(), service.id, '바보').catch((e: ValidationError) => e);
    expect((err as ValidationError).fieldErrors.body[0]).toMatchObject({
      key: 'bannedWords.found',
      params: { words: '바보' },
    });
  });

  it('해결, 보류, 일괄 처리 and 미리보기 refuse, nothing is saved or mailed; a clean reply goes through', async () => {
    const { service, agent } = await desk();
    const t1 = await makeTicket(db(), service.id, { requesterEmail: 'c@example.com', status: 'new' });
    const t2 = await makeTicket(db(), service.id, { requesterEmail: 'd@example.com', status: 'new' });
    signInAs(asSessionMember(agent.member));
    const body = '고객님 정말 바 · 보 같은 실수였습니다';
    for (const action of ['solve', 'pend'] as const) {
      const r = await processTicketAction(null, {
        serviceId: service.id,
        ticketId: t1.id,
        version: t1.version,
        action,
        body,
      });
      expect(r).toMatchObject({ ok: false, fieldErrors: { body: [expect.stringContaining('바보')] } });
    }
    const bulk = await bulkProcessAction(null, {
      serviceId: service.id,
      ticketIds: [t1.id, t2.id],
      action: 'solve',
      body: 'refund 안내',
    });
    expect(bulk).toMatchObject({ ok: false, fieldErrors: { body: [expect.stringContaining('Refund')] } });
    const preview = await previewReplyAction(null, { serviceId: service.id, ticketId: t1.id, body });
    expect(preview).toMatchObject({ ok: false, fieldErrors: { body: [expect.any(String)] } });

    expect(await db().select().from(ticketMessages).where(eq(ticketMessages.ticketId, t1.id))).toEqual([]);
    expect((await db().select().from(tickets).where(eq(tickets.id, t1.id)))[0].status).toBe('new');
    expect(await (await drainOutbox(db()), await readOutbox(mailDir))).toEqual([]);

    const ok = await processTicketAction(null, {
      serviceId: service.id,
      ticketId: t1.id,
      version: t1.version,
      action: 'solve',
      body: '고객님 확인했습니다',
    });
    expect(ok).toMatchObject({ ok: true });
  });
});
