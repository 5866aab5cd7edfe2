import 'server-only';
import { getLocale, getTimeZone } from 'next-intl/server';
import { formatDate, type DateStyle } from './format-date';

/** `formatDate` with the member's locale and the app's time zone, for server components. */
export async function getFormatDate() {
  const [locale, timeZone] = await Promise.all([getLocale(), getTimeZone()]);
  return (value: Date | string | number, style: DateStyle = 'dateTime') =>
    formatDate(value, { locale, timeZone, style });
}
