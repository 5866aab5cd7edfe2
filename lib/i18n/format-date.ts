/**
 * The one date formatter of every screen, mail and substitution code (server and browser).
 *
 * `Intl.DateTimeFormat` is not used for the words: its output depends on the ICU data the
 * runtime ships, and Node's and Chromium's disagree (Node 20's ICU writes Korean times as
 * "PM 12:43", a Korean Chromium as "오후 12:43"), which made server-rendered dates differ from
 * the browser's re-render and broke hydration. Only the numbers come from Intl (the calendar
 * fields in the given time zone, which every ICU agrees on); the words and the order are ours.
 */
export type DateStyle = 'date' | 'dateTime' | 'dateTimeSeconds' | 'time' | 'timeSeconds';

const MONTHS_EN = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const pad = (n: number) => String(n).padStart(2, '0');
const partsCache = new Map<string, Intl.DateTimeFormat>();

function fieldsIn(date: Date, timeZone: string) {
  let f = partsCache.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
      hourCycle: 'h23',
    });
    partsCache.set(timeZone, f);
  }
  const out: Record<string, number> = {};
  for (const p of f.formatToParts(date)) if (p.type !== 'literal') out[p.type] = Number(p.value);
  return {
    year: out.year,
    month: out.month,
    day: out.day,
    hour: out.hour % 24,
    minute: out.minute,
    second: out.second,
  };
}

/** Formats an instant for a person: Korean "2026. 11. 30. 오후 12:43", English "Nov 30, 2026, 12:43 PM". */
export function formatDate(
  value: Date | string | number,
  opts: { locale: string; timeZone: string; style?: DateStyle },
): string {
  const date = value instanceof Date ? value : new Date(value);
  if (Number.isNaN(date.getTime())) return '';
  const { year, month, day, hour, minute, second } = fieldsIn(date, opts.timeZone);
  const style = opts.style ?? 'dateTime';
  const ko = opts.locale.startsWith('ko');
  const h12 = hour % 12 === 0 ? 12 : hour % 12;
  const clock = `${h12}:${pad(minute)}${style.endsWith('Seconds') ? `:${pad(second)}` : ''}`;
  const time = ko ? `${hour < 12 ? '오전' : '오후'} ${clock}` : `${clock} ${hour < 12 ? 'AM' : 'PM'}`;
  const day_ = ko ? `${year}. ${month}. ${day}.` : `${MONTHS_EN[month - 1]} ${day}, ${year}`;
  if (style === 'date') return day_;
  if (style === 'time' || style === 'timeSeconds') return time;
  return ko ? `${day_} ${time}` : `${day_}, ${time}`;
}
