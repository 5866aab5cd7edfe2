import { eq, sql } from 'drizzle-orm';
import type { Db } from '@/db';
import { POST } from '@/app/[serviceId]/openapi/v1/ticket.json/route';
import { tickets } from '@/db/schema';
// The client address the app's server stamps from the socket (issue 13: X-Real-IP is never read).
import { CLIENT_IP_HEADER } from '@/lib/rate-limit/client-ip';
import { asSessionMember, makeAgent, makeService } from './factories';
import { intakeType, layoutWith, orgId, serviceKey, signRequest } from './openapi';
import { signInAs } from './session';

// Envelope results differ per endpoint and case; the tests read them loosely.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Result = any;
export type Opts = { key?: string; ts?: string; auth?: string | null; ip?: string; raw?: string; uri?: string };

/** A valid ticket.json body for the intake type `categoryId` of the service `setup` makes. */
export const good = (categoryId: string) => ({
  categoryId,
  subject: '카드 결제가 두 번 되었습니다',
  content: '어제 주문한 건이 두 번 결제되었어요.',
  endUser: { usercode: 'st18888', email: 'enduser@example.com', username: '홍길동', phone: '010-1234-5678' },
  language: 'ko',
  source: 'web',
  userFields: [
    { code: 'grade', value: 'gold' },
    { code: 'visitDate', value: '2022-07-11' },
    { code: 'topics', value: ['환불', '배송'] },
    { code: 'personalAgree', value: 'true' },
  ],
});

/** Posts to the Open API ticket.json route of a service, signed with a key, in the db `db` gives. */
export function openapiCreate(db: () => Db) {
  /** The route's answer to a request signed with `o.key` (or with `o.auth` as the Authorization header). */
  async function post(serviceId: string, body: unknown, o: Opts = {}) {
    const uri = o.uri ?? `/${serviceId}/openapi/v1/ticket.json`;
    const text = o.raw ?? JSON.stringify(body);
    const ts = o.ts ?? String(Date.now());
    const headers: Record<string, string> = {
      'content-type': 'application/json',
      'x-tc-timestamp': ts,
      [CLIENT_IP_HEADER]: o.ip ?? '203.0.113.9',
    };
    const auth = o.auth === undefined ? signRequest(o.key!, await orgId(db()), uri, {}, text, ts) : o.auth;
    if (auth !== null) headers.authorization = auth;
    const res = await POST(new Request(`http://localhost${uri}`, { method: 'POST', headers, body: text }), {
      params: Promise.resolve({ serviceId }),
    });
    return {
      status: res.status,
      headers: res.headers,
      json: (await res.json()) as {
        header: { resultCode: number; resultMessage: string; isSuccessful: boolean };
        result: Result;
      },
    };
  }

  /** A service with an intake type 결제 whose layout adds grade, visitDate and topics, its admin signed in, and an API key. */
  async function setup() {
    const s = await makeService(db());
    const { member: admin } = await makeAgent(db(), s.id, 'admin');
    signInAs(asSessionMember(admin));
    const cat = await intakeType(db(), s.id, '결제');
    const [grade, visit, topics] = await layoutWith(db(), s.id, cat.id, [
      {
        code: 'grade',
        type: 'dropdown',
        options: [
          { value: 'gold', labels: { ko: '골드' } },
          { value: 'silver', labels: { ko: '실버' } },
        ],
      } as never,
      { code: 'visitDate', type: 'date' },
      {
        code: 'topics',
        type: 'checkbox',
        options: [
          { value: '환불', labels: { ko: '환불' } },
          { value: '배송', labels: { ko: '배송' } },
        ],
      } as never,
    ]);
    const { key } = await serviceKey(db(), s.id);
    return { s, cat, key, admin, grade, visit, topics };
  }

  /** How many tickets the service holds. */
  async function count(serviceId: string) {
    const [r] = await db()
      .select({ n: sql<number>`count(*)::int` })
      .from(tickets)
      .where(eq(tickets.serviceId, serviceId));
    return r.n;
  }

  return { post, setup, count };
}
