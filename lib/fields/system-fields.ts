import type { NewField } from '@/db/schema';

type SystemField = Omit<NewField, 'serviceId' | 'isSystem'> & {
  /** 제목, 접수유형, 내용, 개인정보수집: always required (SPEC §5). */
  requiredLocked?: boolean;
};

const PRIORITY_OPTIONS = [
  { value: 'low', labels: { ko: '낮음', en: 'Low' } },
  { value: 'normal', labels: { ko: '일반', en: 'Normal' } },
  { value: 'high', labels: { ko: '높음', en: 'High' } },
  { value: 'urgent', labels: { ko: '긴급', en: 'Urgent' } },
];

/** The fields every service is created with, in their default (reset) state. */
export const SYSTEM_FIELDS: SystemField[] = [
  {
    audience: 'customer',
    code: 'category',
    type: 'dropdown',
    names: { ko: '접수유형', en: 'Inquiry type' },
    required: true,
    requiredLocked: true,
  },
  {
    audience: 'customer',
    code: 'subject',
    type: 'text',
    names: { ko: '제목', en: 'Subject' },
    required: true,
    requiredLocked: true,
    maxLength: 200,
  },
  {
    audience: 'customer',
    code: 'content',
    type: 'textarea',
    names: { ko: '내용', en: 'Inquiry' },
    required: true,
    requiredLocked: true,
    maxLength: 5000,
  },
  { audience: 'customer', code: 'name', type: 'text', names: { ko: '이름', en: 'Name' }, maxLength: 100 },
  { audience: 'customer', code: 'mail', type: 'text', names: { ko: '이메일', en: 'E-mail' }, maxLength: 254 },
  { audience: 'customer', code: 'phone', type: 'text', names: { ko: '전화번호', en: 'Phone' }, maxLength: 30 },
  { audience: 'customer', code: 'attachment', type: 'file', names: { ko: '첨부파일', en: 'Attachments' } },
  {
    audience: 'customer',
    code: 'personalAgree',
    type: 'agree',
    names: { ko: '개인정보수집 및 이용 동의', en: 'Consent to the collection and use of personal data' },
    descriptions: {
      ko: '문의 처리를 위해 이름, 이메일, 전화번호를 수집하며 처리 완료 후 관련 법령에 따라 보관 후 파기합니다.',
      en: 'We collect your name, e-mail and phone to handle your inquiry and destroy them as the law requires once it is closed.',
    },
    required: true,
    requiredLocked: true,
  },
  { audience: 'agent', code: 'processingType', type: 'dropdown', names: { ko: '처리유형', en: 'Processing type' } },
  {
    audience: 'agent',
    code: 'priority',
    type: 'dropdown',
    names: { ko: '우선순위', en: 'Priority' },
    options: PRIORITY_OPTIONS,
    defaultValue: 'normal',
  },
];

export const SYSTEM_CODES = new Set(SYSTEM_FIELDS.map((f) => f.code));
export const REQUIRED_LOCKED = new Set(SYSTEM_FIELDS.filter((f) => f.requiredLocked).map((f) => f.code));

/** Rows for a new service's system fields. */
export function systemFieldRows(serviceId: string): NewField[] {
  return SYSTEM_FIELDS.map((f) => {
    const row: NewField & { requiredLocked?: boolean } = { ...f, serviceId, isSystem: true };
    delete row.requiredLocked;
    return row;
  });
}

/**
 * Fields stored as columns of the ticket row (not as field values): they cannot be encrypted or
 * destroyed field by field, so 암호화 and 파기 are locked for them.
 */
export const COLUMN_STORED = new Set(['subject', 'content', 'category', 'processingType', 'priority']);

/** Customer fields every customer layout keeps: the ticket cannot be made without them. */
export const LAYOUT_REQUIRED = ['subject', 'content'];

/**
 * Codes a custom field may not take: the ticket facts substitution codes and trigger targets use
 * (a field named `status` would silently shadow `#{status}`).
 */
export const RESERVED_CODES = new Set(
  [
    'ticketNo',
    'status',
    'priority',
    'processingType',
    'assignee',
    'group',
    'createdAt',
    'updatedAt',
    'ticketUrl',
    'helpcenterUrl',
    'content',
    'inquiry',
    'channel',
    'language',
    'event',
    'number',
    'id',
    'title',
    'requesterName',
    'requesterEmail',
    'requesterPhone',
    'intakeType',
  ].map((c) => c.toLowerCase()),
);

/** System dropdowns whose choices are the category trees (SPEC §4), not options of their own. */
export const TREE_BACKED = new Set(['category', 'processingType']);
