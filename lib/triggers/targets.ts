import { TICKET_CHANNELS, TICKET_PRIORITIES, TICKET_STATUSES, type FieldType } from '@/db/values';
import { TICKET_EVENTS, type TicketEvent, type TicketSnapshot } from '@/lib/tickets/types';
import type { Value } from './operators';
import type { ValueType } from './types';

/** A condition target (대상): where its value comes from, its value type and, for enumerations, its values. */
export type Target = {
  id: string;
  type: ValueType;
  read: (ticket: TicketSnapshot, event: TicketEvent) => Value;
  /** The category path `is_within` looks at. */
  path?: (ticket: TicketSnapshot) => string | null;
  /** The allowed values of an enumeration. */
  values?: readonly string[];
};

/** Finds a target: a built-in one, or a field target the service defines. */
export type TargetLookup = (id: string) => Target | undefined;

/** A target reading one snapshot column. */
const column = <K extends keyof TicketSnapshot>(
  id: string,
  type: ValueType,
  key: K,
  values?: readonly string[],
): Target => ({ id, type, values, read: (t) => t[key] as Value });

/** The built-in targets, in the order the editor lists them; fields follow as `field:<code>`. */
export const TARGETS: readonly Target[] = [
  /** 이벤트: 티켓 생성 / 티켓 수정 / 고객 답변 / 상담원 답변. */
  { id: 'event', type: 'event', values: TICKET_EVENTS, read: (_t, e) => e },
  column('status', 'enum', 'status', TICKET_STATUSES),
  /** 접수유형: the category itself, or with `is_within` the node or any descendant. */
  { id: 'intakeType', type: 'category', read: (t) => t.intakeTypeId, path: (t) => t.intakeTypePath },
  /** 처리유형: like 접수유형. */
  { id: 'processingType', type: 'category', read: (t) => t.processingTypeId, path: (t) => t.processingTypePath },
  column('priority', 'enum', 'priority', TICKET_PRIORITIES),
  column('channel', 'enum', 'channel', TICKET_CHANNELS),
  /** The ticket's help-center language (ISO code, typed). */
  column('language', 'enum', 'language'),
  /** 담당자 (a member id). */
  column('assignee', 'person', 'assigneeId'),
  /** 담당그룹 (a group id). */
  column('group', 'person', 'groupId'),
  column('subject', 'text', 'subject'),
  /** 내용: the inquiry body. */
  column('content', 'text', 'content'),
  column('requesterName', 'text', 'requesterName'),
  column('requesterEmail', 'text', 'requesterEmail'),
  column('requesterPhone', 'text', 'requesterPhone'),
  /** 생성일시. */
  { id: 'createdAt', type: 'date', read: (t) => t.createdAt.getTime() },
];
export const TARGETS_BY_ID: ReadonlyMap<string, Target> = new Map(TARGETS.map((t) => [t.id, t]));

export const builtinTargets: TargetLookup = (id) => TARGETS_BY_ID.get(id);

/** The prefix of a custom (or system) field target: `field:<code>`. */
export const FIELD_PREFIX = 'field:';

const FIELD_TYPES: Partial<Record<FieldType, ValueType>> = {
  text: 'text',
  textarea: 'text',
  dropdown: 'enum',
  radio: 'enum',
  checkbox: 'enum',
  date: 'date',
  datetime: 'date',
  agree: 'enum',
};

/** The value type a field's conditions use, or null for fields a trigger cannot test (periods, files, captions). */
export function fieldValueType(type: FieldType): ValueType | null {
  return FIELD_TYPES[type] ?? null;
}

/** A visible, non-encrypted field by its code (its plain value is in the snapshot). */
export function fieldTarget(code: string, type: ValueType, values?: readonly string[]): Target {
  return { id: FIELD_PREFIX + code, type, values, read: (t) => t.fields[code] ?? null };
}
