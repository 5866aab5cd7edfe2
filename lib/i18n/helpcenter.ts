import { createTranslator } from 'next-intl';
import en from '@/messages/en.json';
import ja from '@/messages/helpcenter/ja.json';
import zhCN from '@/messages/helpcenter/zh-CN.json';
import zhTW from '@/messages/helpcenter/zh-TW.json';
import { translator, type Translate } from './messages';

/** Languages the help center's own texts (buttons, labels, messages, receipt, mail) are written in. */
export const HELPCENTER_LOCALES = ['ko', 'en', 'ja', 'zh-CN', 'zh-TW'] as const;
export type HelpcenterLocale = (typeof HELPCENTER_LOCALES)[number];

/**
 * The texts' language for a service language code (ISO, as in the original: `zh` is simplified
 * Chinese, `zh_TW` traditional). A language without translations gets English.
 */
export function helpcenterLocale(lang: string): HelpcenterLocale {
  if (lang === 'ko' || lang === 'en' || lang === 'ja') return lang;
  if (lang === 'zh' || lang === 'zh_CN' || lang === 'zh_SG') return 'zh-CN';
  if (lang === 'zh_TW' || lang === 'zh_HK' || lang === 'zh_MO') return 'zh-TW';
  return 'en';
}

type Tree = { [k: string]: string | Tree };
function merge(base: Tree, over: Tree): Tree {
  const out: Tree = { ...base };
  for (const [k, v] of Object.entries(over))
    out[k] = typeof v === 'object' && typeof base[k] === 'object' ? merge(base[k] as Tree, v) : v;
  return out;
}

const extra: Record<string, Tree> = { ja, 'zh-CN': zhCN, 'zh-TW': zhTW };
const cache = new Map<HelpcenterLocale, Translate>();

/** A translator for help-center texts: a key missing in the language falls back to English. */
export function helpcenterTranslator(locale: HelpcenterLocale): Translate {
  if (locale === 'ko' || locale === 'en') return translator(locale);
  let t = cache.get(locale);
  if (!t) {
    const tr = createTranslator({ locale, messages: merge(en as unknown as Tree, extra[locale]) });
    t = (key, params) => (tr as unknown as (k: string, p?: Record<string, string | number>) => string)(key, params);
    cache.set(locale, t);
  }
  return t;
}
