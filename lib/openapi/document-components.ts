import { envelope } from './document-shared';

/** The security schemes (the signature and its timestamp) and the shared schemas of the document. */
export const components = {
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
          enum: ['new', 'open', 'pending', 'solved', 'closed', 'dooray_transferred', 'dooray_working', 'dooray_done'],
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
};
