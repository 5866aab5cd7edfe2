/** Pieces every part of the OpenAPI document uses: the result envelope, the signature requirement and the error answers. */

export const envelope = (result: Record<string, unknown>) => ({
  type: 'object',
  required: ['header', 'result'],
  properties: {
    header: { $ref: '#/components/schemas/Header' },
    result: result,
  },
});

export const signed = [{ signature: [], timestamp: [] }];
export const errors = {
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
