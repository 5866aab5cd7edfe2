import { useLocale, useTimeZone } from 'next-intl';
import { formatDate, type DateStyle } from './format-date';

/** `formatDate` with the member's locale and the app's time zone, for client components. */
export function useFormatDate() {
  const locale = useLocale();
  const timeZone = useTimeZone() ?? 'Asia/Seoul';
  return (value: Date | string | number, style: DateStyle = 'dateTime') =>
    formatDate(value, { locale, timeZone, style });
}
