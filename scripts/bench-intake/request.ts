import { createHmac } from 'node:crypto';
import { SERVICE } from './seed';

/** A signed create body for the bench service. */
export function createRequest(base: string, key: string, orgId: string, catId: string, n: number): Request {
  const uri = `/${SERVICE}/openapi/v1/ticket.json`;
  const body = JSON.stringify({
    categoryId: catId,
    subject: `결제 오류 문의 ${n}`,
    content: '카드 결제 시 오류 코드 E-102가 나옵니다. 확인 부탁드립니다.',
    endUser: { usercode: `user${n % 500}`, email: `user${n % 500}@example.com`, username: '홍길동' },
    language: 'ko',
    userFields: [{ code: 'personalAgree', value: 'true' }],
  });
  const ts = String(Date.now());
  const auth = createHmac('sha256', key)
    .update(orgId + uri + body + ts)
    .digest('base64');
  return new Request(base + uri, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: auth, 'x-tc-timestamp': ts },
    body,
  });
}
