import { envelope } from './document-shared';

/** The unsigned paths under /api/v2/ a form needs first: the intake types and one type's customer fields. */
export const formPaths = {
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
};
