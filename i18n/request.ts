import { getRequestConfig } from 'next-intl/server';
import { getRequestLocale } from '@/lib/i18n/locale';
import { messagesByLocale } from '@/lib/i18n/messages';

export default getRequestConfig(async () => {
  const locale = await getRequestLocale();
  return { locale, messages: messagesByLocale[locale], timeZone: process.env.APP_TIME_ZONE ?? 'Asia/Seoul' };
});
