import { envelope, errors, signed } from './document-shared';

/** The signed paths under /openapi/v1/: create a ticket, upload an attachment, and a customer's tickets and comments. */
export const ticketPaths = {
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
};
