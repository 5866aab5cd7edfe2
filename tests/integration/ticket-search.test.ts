import { sql } from 'drizzle-orm';
import { tickets } from '@/db/schema';
import { countTickets, listTickets } from '@/lib/tickets/list-tickets';
import { searchCondition } from '@/lib/tickets/search';
import { parseListParams } from '@/lib/tickets/list-params';
import { searchTextOf } from '@/lib/tickets/search-text';
import { makeAgent, makeService } from '../helpers/factories';
import { makeTicket } from '../helpers/tickets';
import { setupTestDb } from '../helpers/db';

const db = setupTestDb();

async function world() {
  const service = await makeService(db());
  const agent = await makeAgent(db(), service.id);
  const seed = [
    {
      subject: '카드 환불 요청합니다',
      content: '지난주 주문번호 2024153377 결제 취소 부탁드립니다.',
      requesterPhone: '010-2345-6789',
    },
    { subject: '카드환불 언제 되나요', content: '환불금이 아직 안 들어왔어요', requesterPhone: null },
    {
      subject: '배송 지연 문의',
      content: 'Tracking number가 안 나와요. Refund 가능한가요?',
      requesterPhone: '010-9999-1212',
    },
    { subject: '회원 탈퇴', content: '탈퇴하고 싶습니다', requesterPhone: null },
  ];
  const rows = [];
  for (const s of seed)
    rows.push(
      await makeTicket(db(), service.id, {
        subject: s.subject,
        content: s.content,
        requesterPhone: s.requesterPhone,
        searchText: searchTextOf({ ...s, requesterName: '홍길동' }, {}),
      }),
    );
  const find = async (q: string) => {
    const filter = { q: parseListParams({ q }).q };
    const scope = { serviceId: service.id, memberId: agent.member.id, menu: 'all' as const, filter };
    const page = await listTickets(db(), scope, []);
    return { subjects: page.rows.map((r) => r.subject).sort(), count: await countTickets(db(), scope, []) };
  };
  return { service, agent, rows, find };
}

describe('ticket list search', () => {
  it('finds two-syllable Korean words anywhere in a word, in title or inquiry', async () => {
    const { find } = await world();
    expect((await find('환불')).subjects).toEqual(['카드 환불 요청합니다', '카드환불 언제 되나요']);
    expect((await find('탈퇴')).subjects).toEqual(['회원 탈퇴']);
    expect((await find('배송')).count).toBe(1);
  });

  it('finds English words case-insensitively and numbers: an order number, a phone tail, two digits', async () => {
    const { find } = await world();
    expect((await find('REFUND')).subjects).toEqual(['배송 지연 문의']);
    expect((await find('tracking')).subjects).toEqual(['배송 지연 문의']);
    expect((await find('2024153377')).subjects).toEqual(['카드 환불 요청합니다']);
    expect((await find('6789')).subjects).toEqual(['카드 환불 요청합니다']);
    expect((await find('12')).subjects).toEqual(['배송 지연 문의']);
  });

  it('needs every word of a mixed Korean / number query', async () => {
    const { find } = await world();
    expect((await find('환불 2024153377')).subjects).toEqual(['카드 환불 요청합니다']);
    expect((await find('카드 언제')).subjects).toEqual(['카드환불 언제 되나요']);
    expect((await find('환불 배송')).subjects).toEqual([]);
  });

  it('finds nothing for a word no ticket has, and treats % and _ literally', async () => {
    const { find } = await world();
    expect(await find('교환')).toEqual({ subjects: [], count: 0 });
    expect(await find('반품 신청')).toEqual({ subjects: [], count: 0 });
    expect((await find('%%')).subjects).toEqual([]);
    expect((await find('_환')).subjects).toEqual([]);
  });

  it('ignores a query without a word of two characters', () => {
    expect(parseListParams({ q: '환' }).q).toBeUndefined();
    expect(parseListParams({ q: 'a b' }).q).toBeUndefined();
    expect(parseListParams({ q: ' 환불 ' }).q).toBe('환불');
  });

  it('answers a two-character word from the bigram index and a longer one from the trigram index', async () => {
    await world();
    const plan = async (q: string) =>
      db().transaction(async (tx) => {
        await tx.execute(sql`SET LOCAL enable_seqscan = off`);
        const r = await tx.execute<{ 'QUERY PLAN': string }>(
          sql`EXPLAIN SELECT id FROM ${tickets} WHERE ${searchCondition(q)}`,
        );
        return r.rows.map((x) => x['QUERY PLAN']).join('\n');
      });
    expect(await plan('환불')).toContain('tickets_search_bigram_idx');
    expect(await plan('카드환불')).toContain('tickets_search_trgm_idx');
  });
});
