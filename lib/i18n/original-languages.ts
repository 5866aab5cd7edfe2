/** The original's help-center language list (first entries), with ISO codes, for the service settings. */
export const ORIGINAL_LANGUAGES: { code: string; name: string }[] = [
  { code: 'ko', name: '한국어' }, { code: 'ja', name: '日本語' }, { code: 'en', name: 'English' }, { code: 'zh', name: '中文' },
  { code: 'zh_TW', name: '中文(繁體)' }, { code: 'yue', name: '粵語' }, { code: 'th', name: 'ไทย' }, { code: 'vi', name: 'Tiếng Việt' },
  { code: 'id', name: 'Indonesia' }, { code: 'ms', name: 'Melayu' }, { code: 'ru', name: 'русский' }, { code: 'fr', name: 'Français' },
  { code: 'de', name: 'Deutsch' }, { code: 'es', name: 'Español' }, { code: 'es_LA', name: 'Español (Latinoamérica)' }, { code: 'pt', name: 'Português' },
  { code: 'pt_BR', name: 'Português (Brasil)' }, { code: 'it', name: 'Italiano' }, { code: 'ar', name: 'العربية' }, { code: 'tr', name: 'Türkçe' },
  { code: 'nl', name: 'Nederlands' }, { code: 'pl', name: 'Polski' },
];
