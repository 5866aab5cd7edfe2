import { isAccessEvent } from '@/lib/access-log/events';
import { isUuid } from '@/lib/ids';
import { isRealDay } from '@/lib/validation/dates';

export type AccessLogSearch = {
  member?: string | string[];
  event?: string | string[];
  from?: string | string[];
  to?: string | string[];
  before?: string | string[];
};

const CURSOR = /^(\d{4}-\d\d-\d\d)(T(?:[01]\d|2[0-3]):[0-5]\d:[0-5]\d\.\d{6}Z)_(\d{1,15})$/;

/** Reads the filter from the URL; anything malformed (2024-02-30, repeated keys) is simply ignored. */
export function parseAccessLogFilter(sp: AccessLogSearch) {
  const one = (v: string | string[] | undefined) => (typeof v === 'string' ? v : undefined);
  const day = (v: string | string[] | undefined) => (isRealDay(one(v)) ? one(v) : undefined);
  const m = CURSOR.exec(one(sp.before) ?? '');
  const member = one(sp.member);
  const event = one(sp.event);
  return {
    memberId: isUuid(member) ? member : undefined,
    event: isAccessEvent(event) ? event : undefined,
    from: day(sp.from),
    to: day(sp.to),
    before: m && isRealDay(m[1]) ? { createdAt: `${m[1]}${m[2]}`, id: Number(m[3]) } : undefined,
  };
}
