import type { FieldValue } from '@/db/values';

/**
 * The text search column: title, inquiry, requester and plain field values, lowercased, capped
 * at 20,000 characters so one huge inquiry cannot bloat the trigram index. Encrypted values
 * never reach it (callers pass plain values only).
 */
export function searchTextOf(
  core: {
    subject: string;
    content: string;
    requesterName?: string | null;
    requesterEmail?: string | null;
    requesterPhone?: string | null;
  },
  fields: Record<string, FieldValue | null>,
): string {
  const parts = [core.subject, core.requesterName, core.requesterEmail, core.requesterPhone];
  for (const v of Object.values(fields)) {
    if (typeof v === 'string') parts.push(v);
    else if (Array.isArray(v)) parts.push(v.join(' '));
  }
  parts.push(core.content);
  return parts.filter(Boolean).join('\n').toLowerCase().slice(0, 20000);
}
