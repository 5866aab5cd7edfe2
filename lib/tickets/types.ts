import type { InternalReason, TicketChannel, TicketPriority, TicketStatus } from '@/db/schema';
import type { FieldValue } from '@/db/values';
import type { FieldValueEntry } from '@/lib/pii/write-field-values';

/** What a change is, for history and the trigger target "event" (SPEC §6). */
export const TICKET_EVENTS = ['created', 'updated', 'customer_reply', 'agent_reply'] as const;
export type TicketEvent = (typeof TICKET_EVENTS)[number];

/**
 * A ticket as plain data: what history diffs, what triggers read and change, what substitution
 * codes render. `fields` holds the plain (non-encrypted) custom and system field values by code;
 * encrypted values are never in a snapshot.
 */
export type TicketSnapshot = {
  id: string;
  serviceId: string;
  number: number;
  subject: string;
  content: string;
  status: TicketStatus;
  priority: TicketPriority;
  channel: TicketChannel;
  language: string;
  requesterName: string | null;
  requesterEmail: string | null;
  requesterPhone: string | null;
  intakeTypeId: string | null;
  intakeTypePath: string | null;
  processingTypeId: string | null;
  processingTypePath: string | null;
  assigneeId: string | null;
  groupId: string | null;
  starred: boolean;
  spam: boolean;
  internalReason: InternalReason | null;
  fields: Record<string, FieldValue | null>;
  createdAt: Date;
  updatedAt: Date;
};

/** Columns a change may set (by an agent action or a trigger result). */
export type TicketPatch = Partial<
  Pick<
    TicketSnapshot,
    | 'status'
    | 'priority'
    | 'intakeTypeId'
    | 'intakeTypePath'
    | 'processingTypeId'
    | 'processingTypePath'
    | 'assigneeId'
    | 'groupId'
    | 'starred'
    | 'spam'
    | 'internalReason'
    | 'subject'
  >
>;

/** Who makes a change: shown in history as 상담원 name, 고객, 시스템 or the trigger's title. */
export type ChangeActor =
  | { type: 'member'; id: string; name: string }
  | { type: 'customer'; name?: string | null }
  | { type: 'system' }
  /** A trigger's follow-up after its delivery (외부 전달 후 완료); it never starts a trigger pass. */
  | { type: 'trigger'; id: string | null; title: string };

/** One recorded change: the ticket before (null when it is being created), after, and why. */
export type TicketChange = {
  event: TicketEvent;
  before: TicketSnapshot | null;
  after: TicketSnapshot;
  /** The message the change adds (a reply or comment), if any. */
  message?: { id: string; kind: 'inquiry' | 'customer_reply' | 'agent_reply' | 'internal_comment'; body: string };
  /**
   * A creation: every field value the ticket has, as it is being written (encrypted ones in
   * clear). The pass renders substitution codes from these instead of reading them back, so
   * the values' insert can join the change's closing statement.
   */
  fieldValues?: readonly FieldValueEntry[];
};

/** A field change a trigger result made, attributed to that trigger in history. */
export type TriggerChange = {
  triggerId: string;
  triggerTitle: string;
  field: keyof TicketPatch;
  before: unknown;
  after: unknown;
  note?: string;
};
