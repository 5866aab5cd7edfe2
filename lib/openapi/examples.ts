/** A signed create in curl (bash + openssl), for the reference page. */
export function curlExample(origin: string, serviceId: string): string {
  return `KEY='<service key>'
ORG='<organization ID>'
URI='/${serviceId}/openapi/v1/ticket.json'
BODY='{"categoryId":"<intake type id>","subject":"결제 문의","content":"카드 결제가 두 번 되었습니다.","endUser":{"usercode":"st18888","email":"user@example.com","username":"홍길동"},"userFields":[{"code":"personalAgree","value":"true"}]}'
TS=$(date +%s%3N)
SIG=$(printf '%s' "$ORG$URI$BODY$TS" | openssl dgst -sha256 -hmac "$KEY" -binary | base64)
curl -sS -X POST "${origin}$URI" \\
  -H 'Content-Type: application/json' \\
  -H "X-TC-Timestamp: $TS" \\
  -H "Authorization: $SIG" \\
  --data-raw "$BODY"`;
}

/** The same request from TypeScript (Node 18+, no dependency). */
export function typescriptExample(origin: string, serviceId: string): string {
  return `import { createHmac } from 'node:crypto';

const key = '<service key>'; // from 서비스 관리 → 인증; keep it out of source control
const org = '<organization ID>'; // shown on 인증
const base = '${origin}';

/** Signs like the original: org + URI + parameter values by name joined with "&" + ("&") + body + timestamp. */
function sign(uri: string, params: Record<string, string>, body: string, ts: string): string {
  const values = Object.keys(params).sort().map((n) => params[n]).join('&');
  const message = org + uri + values + (body ? (values ? '&' : '') + body : '') + ts;
  return createHmac('sha256', key).update(message, 'utf8').digest('base64');
}

export async function createTicket(input: { categoryId: string; subject: string; content: string; usercode: string }) {
  const uri = '/${serviceId}/openapi/v1/ticket.json';
  const body = JSON.stringify({
    categoryId: input.categoryId,
    subject: input.subject,
    content: input.content,
    endUser: { usercode: input.usercode },
    userFields: [{ code: 'personalAgree', value: 'true' }],
  });
  const ts = String(Date.now());
  const res = await fetch(base + uri, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'X-TC-Timestamp': ts, Authorization: sign(uri, {}, body, ts) },
    body,
  });
  const json = await res.json();
  if (!json.header.isSuccessful) throw new Error(\`\${json.header.resultCode} \${json.header.resultMessage}\`);
  return json.result.content as { ticketId: string; status: string };
}`;
}
