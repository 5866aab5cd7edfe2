import { META_CODES } from './render';

export type CodeOption = { value: string; label: string; replyOnly?: boolean };

/** The reply events: only there does `#{content}` (the text being sent) have a value. */
export const REPLY_EVENTS = ['customer_reply', 'agent_reply'] as const;

/**
 * The code picker's list for one service, each code once: the ticket facts (labelled in the
 * member's language), then agent and customer fields. The `content` field is the inquiry, so it
 * is offered as `#{inquiry}`; `#{content}` is the reply being sent and is marked `replyOnly`.
 */
export function substitutionCodeList(
  fields: { code: string; audience: string; type: string; name: string }[],
  label: (code: string) => string,
): { basic: CodeOption[]; customer: CodeOption[] } {
  const meta = new Set<string>(META_CODES);
  const usable = fields.filter((f) => f.type !== 'caption' && f.type !== 'file' && !meta.has(f.code));
  const basic: CodeOption[] = META_CODES.map((c) => ({
    value: c,
    label: label(c),
    ...(c === 'content' ? { replyOnly: true } : {}),
  }));
  basic.push(...usable.filter((f) => f.audience !== 'customer').map((f) => ({ value: f.code, label: f.name })));
  const customer = usable.filter((f) => f.audience === 'customer').map((f) => ({ value: f.code, label: f.name }));
  return { basic, customer };
}

/**
 * Whether a trigger's conditions let it fire only on a reply (고객 답변 / 상담원 답변), so that
 * `#{content}` has a value in its mails and alerts.
 */
export function firesOnlyOnReplies(
  conditions: { mode: string; target: string; operator: string; value?: unknown }[],
): boolean {
  const reply = new Set<string>(REPLY_EVENTS);
  return conditions.some((c) => {
    if (c.mode !== 'all' || c.target !== 'event') return false;
    if (c.operator === 'is') return typeof c.value === 'string' && reply.has(c.value);
    if (c.operator === 'is_any_of')
      return Array.isArray(c.value) && c.value.length > 0 && c.value.every((v) => reply.has(String(v)));
    if (c.operator === 'is_none_of')
      return Array.isArray(c.value) && ['created', 'updated'].every((v) => (c.value as unknown[]).includes(v));
    return false;
  });
}
