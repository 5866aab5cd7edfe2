/**
 * The value lists behind the text-enum columns of db/schema, and the types they define.
 * Drizzle-free on purpose: client components import these lists without pulling table
 * definitions into the browser bundle.
 */

// fields
/** Field types of SPEC §5, with the value formats of the original Open API (integrations.md §1.8). */
export const FIELD_TYPES = [
  'caption',
  'text',
  'textarea',
  'checkbox',
  'dropdown',
  'radio',
  'date',
  'datetime',
  'date_period',
  'datetime_period',
  'agree',
  'file',
] as const;
export type FieldType = (typeof FIELD_TYPES)[number];

export const OPTION_TYPES: readonly FieldType[] = ['checkbox', 'dropdown', 'radio'];
/** Types that hold no value of their own (caption) or whose value travels as attachments (file). */
export const VALUELESS_TYPES: readonly FieldType[] = ['caption', 'file'];

export type FieldOption = { value: string; labels: Record<string, string> };

/** The stored, normalized value of each type. */
export type FieldValue = string | string[] | boolean;

export const CATEGORY_KINDS = ['intake', 'processing'] as const;
export type CategoryKind = (typeof CATEGORY_KINDS)[number];

// Dooray and SMS channels
export const DOORAY_TASK_STATES = ['transferred', 'working', 'done'] as const;
export type DoorayTaskState = (typeof DOORAY_TASK_STATES)[number];
export const DOORAY_EVENT_KINDS = ['transfer', 'comment_out', 'comment_in', 'status'] as const;
export type DoorayEventKind = (typeof DOORAY_EVENT_KINDS)[number];
export const SMS_API_VERSIONS = ['v2.4', 'v3.0'] as const;
export type SmsApiVersion = (typeof SMS_API_VERSIONS)[number];
export const SMS_STATES = ['pending', 'sent', 'failed'] as const;
export type SmsState = (typeof SMS_STATES)[number];

// 암호화 runs
export const FIELD_CRYPTO_STATUSES = ['pending', 'running', 'done'] as const;
export type FieldCryptoStatus = (typeof FIELD_CRYPTO_STATUSES)[number];

// mail
export const MAIL_LAYOUT_EVENTS = ['solved', 'pending', 'manual'] as const;
export type MailLayoutEvent = (typeof MAIL_LAYOUT_EVENTS)[number];
export const AFTER_IMPORT = ['seen', 'delete'] as const;
export type AfterImport = (typeof AFTER_IMPORT)[number];

// templates
export const TEMPLATE_SCOPES = ['service', 'shared'] as const;
export type TemplateScope = (typeof TEMPLATE_SCOPES)[number];

// ticket messages and history
export const MESSAGE_KINDS = ['inquiry', 'customer_reply', 'agent_reply', 'internal_comment'] as const;
export type MessageKind = (typeof MESSAGE_KINDS)[number];
/** How a message body is kept: plain text, or (replies from the rich-text editor) sanitized HTML. */
export const MESSAGE_FORMATS = ['text', 'html'] as const;
export type MessageFormat = (typeof MESSAGE_FORMATS)[number];
export const HISTORY_ACTORS = ['member', 'customer', 'system', 'trigger'] as const;
export type HistoryActor = (typeof HISTORY_ACTORS)[number];

// tickets
export const TICKET_STATUSES = [
  'new',
  'open',
  'pending',
  'solved',
  'closed',
  'dooray_transferred',
  'dooray_working',
  'dooray_done',
] as const;
export type TicketStatus = (typeof TICKET_STATUSES)[number];
export const TICKET_PRIORITIES = ['low', 'normal', 'high', 'urgent'] as const;
export type TicketPriority = (typeof TICKET_PRIORITIES)[number];
export const TICKET_CHANNELS = ['helpcenter_web', 'helpcenter_mobile', 'email', 'api', 'manual', 'transfer'] as const;
export type TicketChannel = (typeof TICKET_CHANNELS)[number];
/** 내부해결 reasons (SPEC §2); `spam` also moves the ticket to the spam box. */
export const INTERNAL_REASONS = ['spam', 'abuse', 'test', 'chat', 'phone', 'duplicate'] as const;
export type InternalReason = (typeof INTERNAL_REASONS)[number];

// the outbox
/** Trigger effects, Dooray/SMS channel sends, and the product's own mails (replies, help-center confirmations, invites): one outbox for all. */
export const DELIVERY_KINDS = [
  'notify_mail',
  'forward',
  'callback',
  'dooray',
  'dooray_task',
  'dooray_comment',
  'sms',
  'reply_mail',
  'confirmation_mail',
  'invite_mail',
] as const;
/** The product's own mails, rendered at send time by lib/mail/compose-queued.ts; a reply's state shows on its message. */
export const PRODUCT_MAIL_KINDS = ['reply_mail', 'confirmation_mail', 'invite_mail'] as const;
export type DeliveryKind = (typeof DELIVERY_KINDS)[number];
export const DELIVERY_STATUSES = ['pending', 'delivered', 'dead', 'disabled'] as const;
export type DeliveryStatus = (typeof DELIVERY_STATUSES)[number];

// desk preferences
/** The ticket list's columns an agent may hide or show (번호 and 제목 always show), in list order. */
export const LIST_COLUMNS = [
  'requester',
  'intake',
  'status',
  'priority',
  'assignee',
  'group',
  'channel',
  'createdAt',
] as const;
export type ListColumn = (typeof LIST_COLUMNS)[number];
/** What a new agent sees: the list as it always was. */
export const DEFAULT_LIST_COLUMNS: ListColumn[] = [
  'requester',
  'intake',
  'status',
  'priority',
  'assignee',
  'createdAt',
];
