/** The OpenAPI 3.1 description of a service's Open API, served at /{serviceId}/openapi/openapi.json. */

const envelope = (result: Record<string, unknown>) => ({
  type: 'object',
  required: ['header', 'result'],
  properties: {
    header: { $ref: '#/components/schemas/Header' },
    result: result,
  },
});

const signed = [{ signature: [], timestamp: [] }];
const errors = {
  '400': {
    description:
      'Refused: Authorization blank or incorrect, X-TC-Timestamp not numeric / expired / in the future, request replayed, body not JSON or too large, validation failed (result.contents lists each field).',
    content: { 'application/json': { schema: { $ref: '#/components/schemas/Failure' } } },
  },
  '403': {
    description: 'securityKey is null (Open API off, no live key) or clientIp not allowed.',
    content: { 'application/json': { schema: { $ref: '#/components/schemas/Failure' } } },
  },
  '404': {
    description: 'Unknown service.',
    content: { 'application/json': { schema: { $ref: '#/components/schemas/Failure' } } },
  },
  '429': {
    description: 'Over the per-key rate limit; see Retry-After.',
    headers: { 'Retry-After': { schema: { type: 'integer' } } },
    content: { 'application/json': { schema: { $ref: '#/components/schemas/Failure' } } },
  },
};

export function openApiDocument(origin: string, serviceId: string) {
  return {
    openapi: '3.1.0',
    info: {
      title: 'Contact Desk Open API',
      version: '1.0.0',
      description:
        'Compatible with the Online Contact (이슈관리) Open API: same paths, parameters, envelope and result codes, so an integration switches by changing its base URL. ' +
        'Requests under /openapi/v1/ are signed: Authorization = Base64(HMAC-SHA256(service key, organization ID + request URI + the values of the query parameters ordered by name and joined by "&" + ("&" if there were parameters) + the raw body + X-TC-Timestamp)). ' +
        'Multipart uploads sign the MD5 hex of the file instead of parameters and body. A timestamp (epoch milliseconds) is valid for 5 minutes; a request is accepted once. ' +
        'resultCode 200 is success; 9005 means no data; errors keep the HTTP status of their code (9005 answers HTTP 400).',
    },
    servers: [{ url: `${origin}/${serviceId}` }],
    components: {
      securitySchemes: {
        signature: {
          type: 'apiKey',
          in: 'header',
          name: 'Authorization',
          description: 'Base64 HMAC-SHA256 signature (see the description above).',
        },
        timestamp: {
          type: 'apiKey',
          in: 'header',
          name: 'X-TC-Timestamp',
          description: 'Epoch milliseconds; valid 5 minutes.',
        },
      },
      schemas: {
        Header: {
          type: 'object',
          required: ['resultCode', 'resultMessage', 'isSuccessful'],
          properties: {
            resultCode: { type: 'integer', examples: [200] },
            resultMessage: { type: 'string' },
            isSuccessful: { type: 'boolean' },
          },
        },
        Failure: envelope({
          type: ['object', 'null'],
          properties: { contents: { type: 'array', items: { $ref: '#/components/schemas/ValidationItem' } } },
        }),
        ValidationItem: {
          type: 'object',
          properties: {
            objectName: { type: 'string', description: 'Field code' },
            field: { type: ['string', 'null'], description: 'Field id' },
            validate: { enum: ['invalid', 'length', 'required'] },
            key: { type: 'string', examples: ['validate.ticket.subject.required'] },
            message: { type: 'string' },
            rejectValue: {},
            description: { type: 'string', description: 'The problem in the request language (ko or en)' },
          },
        },
        Ticket: {
          type: 'object',
          properties: {
            ticketId: { type: 'string', description: 'The ticket number in this service' },
            subject: { type: 'string' },
            categoryId: { type: ['string', 'null'] },
            status: {
              enum: [
                'new',
                'open',
                'pending',
                'solved',
                'closed',
                'dooray_transferred',
                'dooray_working',
                'dooray_done',
              ],
            },
            content: { type: 'string' },
            createdDt: { type: 'string', format: 'date-time' },
            updatedDt: { type: 'string', format: 'date-time' },
            attachments: {
              type: 'array',
              items: {
                type: 'object',
                properties: {
                  attachmentId: { type: 'string' },
                  fileName: { type: 'string' },
                  size: { type: 'integer' },
                },
              },
            },
          },
        },
        CreateTicket: {
          type: 'object',
          required: ['categoryId', 'subject', 'content'],
          properties: {
            categoryId: { type: 'string', description: 'An active intake type (접수유형) of this service' },
            subject: { type: 'string' },
            content: { type: 'string' },
            endUser: {
              type: 'object',
              properties: {
                usercode: { type: 'string' },
                email: { type: 'string' },
                username: { type: 'string' },
                phone: { type: 'string' },
              },
            },
            attachments: {
              type: 'array',
              maxItems: 5,
              items: { type: 'object', properties: { attachmentId: { type: 'string' } } },
            },
            language: { type: 'string', examples: ['ko'] },
            source: { type: 'string' },
            userFields: {
              type: 'array',
              description:
                'Values of the intake type’s customer fields by field code (항목 코드); formats per field type: text "…", checkbox ["a","b"], dropdown/radio "a", date "2022-07-11", datetime "2022-07-11 00:00", date_period "2022-07-01 ~ 2022-07-31", datetime_period "2022-07-01 00:00 ~ 2022-07-31 23:59", agree true/"true".',
              items: {
                type: 'object',
                required: ['code', 'value'],
                properties: { code: { type: 'string' }, value: {} },
              },
            },
          },
        },
      },
    },
    paths: {
      '/openapi/v1/ticket.json': {
        post: {
          summary: '문의 접수 — create a ticket',
          security: signed,
          requestBody: {
            required: true,
            content: { 'application/json': { schema: { $ref: '#/components/schemas/CreateTicket' } } },
          },
          responses: {
            '200': {
              description: 'Created',
              content: {
                'application/json': {
                  schema: envelope({
                    type: 'object',
                    properties: { content: { $ref: '#/components/schemas/Ticket' } },
                  }),
                },
              },
            },
            ...errors,
          },
        },
      },
      '/openapi/v1/ticket/attachments/upload.json': {
        post: {
          summary:
            '첨부파일 업로드 — upload an attachment (≤ 10 MB, name shorter than 100 characters); sign the file’s MD5 hex',
          security: signed,
          requestBody: {
            required: true,
            content: {
              'multipart/form-data': {
                schema: {
                  type: 'object',
                  required: ['file'],
                  properties: { file: { type: 'string', contentMediaType: 'application/octet-stream' } },
                },
              },
            },
          },
          responses: {
            '200': {
              description: 'Stored; name attachmentId in a create',
              content: {
                'application/json': {
                  schema: envelope({
                    type: 'object',
                    properties: {
                      content: {
                        type: 'object',
                        properties: {
                          attachmentId: { type: 'string' },
                          fileName: { type: 'string' },
                          size: { type: 'integer' },
                        },
                      },
                    },
                  }),
                },
              },
            },
            ...errors,
          },
        },
      },
      '/openapi/v1/ticket/enduser/{usercode}/list.json': {
        get: {
          summary: '문의 내역 — an end user’s tickets, newest first',
          security: signed,
          parameters: [
            { name: 'usercode', in: 'path', required: true, schema: { type: 'string' } },
            { name: 'categoryId', in: 'query', schema: { type: 'string' } },
            { name: 'status', in: 'query', schema: { type: 'string' } },
            { name: 'language', in: 'query', schema: { type: 'string' } },
            { name: 'source', in: 'query', schema: { type: 'string' } },
            { name: 'sort', in: 'query', schema: { enum: ['createdDt,desc', 'createdDt,asc'] } },
            { name: 'page', in: 'query', schema: { type: 'integer', minimum: 1, default: 1 } },
            { name: 'pageSize', in: 'query', schema: { type: 'integer', minimum: 1, maximum: 200, default: 20 } },
          ],
          responses: {
            '200': {
              description: 'A page',
              content: {
                'application/json': {
                  schema: envelope({
                    type: 'object',
                    properties: {
                      contents: { type: 'array', items: { $ref: '#/components/schemas/Ticket' } },
                      totalCount: { type: 'integer' },
                      page: { type: 'integer' },
                      pageSize: { type: 'integer' },
                    },
                  }),
                },
              },
            },
            ...errors,
          },
        },
      },
      '/openapi/v1/ticket/enduser/{usercode}/{ticketId}/detail.json': {
        get: {
          summary: '문의 상세 — one ticket with its conversation (enduser / csuser messages)',
          security: signed,
          parameters: [
            { name: 'usercode', in: 'path', required: true, schema: { type: 'string' } },
            { name: 'ticketId', in: 'path', required: true, schema: { type: 'string' } },
          ],
          responses: {
            '200': {
              description: 'The ticket',
              content: { 'application/json': { schema: envelope({ type: 'object' }) } },
            },
            ...errors,
          },
        },
      },
      '/openapi/v1/ticket/enduser/{usercode}/{ticketId}/comment.json': {
        post: {
          summary: '고객 답변 — the end user’s comment on their ticket',
          security: signed,
          parameters: [
            { name: 'usercode', in: 'path', required: true, schema: { type: 'string' } },
            { name: 'ticketId', in: 'path', required: true, schema: { type: 'string' } },
          ],
          requestBody: {
            required: true,
            content: {
              'application/json': {
                schema: { type: 'object', required: ['content'], properties: { content: { type: 'string' } } },
              },
            },
          },
          responses: {
            '200': {
              description: 'Added',
              content: {
                'application/json': {
                  schema: envelope({
                    type: 'object',
                    properties: { content: { $ref: '#/components/schemas/Ticket' } },
                  }),
                },
              },
            },
            ...errors,
          },
        },
      },
      '/api/v2/ticket/categories.json': {
        get: {
          summary: '접수유형 — active intake types (no signature)',
          parameters: [
            { name: 'parent', in: 'query', schema: { type: 'string' } },
            { name: 'child', in: 'query', schema: { type: 'boolean' } },
            { name: 'language', in: 'query', schema: { type: 'string' } },
          ],
          responses: {
            '200': {
              description: 'Categories',
              content: { 'application/json': { schema: envelope({ type: 'object' }) } },
            },
          },
        },
      },
      '/api/v2/ticket/field/user/{categoryId}.json': {
        get: {
          summary: '고객 필드 — an intake type’s customer fields in order (no signature)',
          parameters: [{ name: 'categoryId', in: 'path', required: true, schema: { type: 'string' } }],
          responses: {
            '200': { description: 'Fields', content: { 'application/json': { schema: envelope({ type: 'object' }) } } },
          },
        },
      },
    },
  };
}

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
