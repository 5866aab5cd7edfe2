/** The time zone dates are entered and shown in (SPEC targets Korean teams; override with APP_TIME_ZONE). */
export function appTimeZone(): string {
  return process.env.APP_TIME_ZONE || 'Asia/Seoul';
}

/** The instant a calendar day starts in the app's time zone (for "from"/"to" date filters). */
export function dayStart(day: string, timeZone = appTimeZone()): Date {
  const utc = new Date(`${day}T00:00:00Z`);
  const local = new Date(utc.toLocaleString('en-US', { timeZone }));
  const asUtc = new Date(utc.toLocaleString('en-US', { timeZone: 'UTC' }));
  return new Date(utc.getTime() - (local.getTime() - asUtc.getTime()));
}
