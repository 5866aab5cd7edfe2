import { createTranslator } from 'next-intl';
import en from '@/messages/en.json';
import ko from '@/messages/ko.json';
import type { Locale } from './config';

export const messagesByLocale = { ko, en } as const;

export type Translate = (key: string, params?: Record<string, string | number>) => string;

/** A translator over the whole message tree, for code outside React (actions, mails). */
export function translator(locale: Locale): Translate {
  const t = createTranslator({ locale, messages: messagesByLocale[locale] });
  return (key, params) => (t as unknown as (k: string, p?: Record<string, string | number>) => string)(key, params);
}
