import { randomUUID } from 'node:crypto';
import { categories } from '@/db/schema';
import { inquiryRefusalText, submitInquiry } from '@/lib/helpcenter/submit-inquiry';
import { issueFormToken } from '@/lib/helpcenter/tokens';
import { helpcenterLocale, helpcenterTranslator, HELPCENTER_LOCALES } from '@/lib/i18n/helpcenter';
import { ORIGINAL_LANGUAGES } from '@/lib/i18n/original-languages';
import { languagesSchema } from '@/lib/services/schemas';
import en from '@/messages/en.json';
import { makeService } from '../helpers/factories';
import { setupTestDb } from '../helpers/db';

const db = setupTestDb();
process.env.MAIL_DIR = `/tmp/cd-hc-lang-${process.pid}`;

function keys(obj: Record<string, unknown>, prefix = ''): string[] {
  return Object.entries(obj).flatMap(([k, v]) =>
    v && typeof v === 'object' ? keys(v as Record<string, unknown>, `${prefix}${k}.`) : [`${prefix}${k}`],
  );
}

describe('help-center languages', () => {
  it('has every help-center text (pages, receipt, confirmation mail, attachment messages) in ja, zh-CN and zh-TW', () => {
    const needed = [...keys(en.helpcenter, 'helpcenter.'), ...keys(en.attachment, 'attachment.')];
    for (const locale of HELPCENTER_LOCALES) {
      const t = helpcenterTranslator(locale);
      const params = { service: 'S', name: 'n', max: 5, minutes: 3, number: 7, subject: 's', link: 'l' };
      const out = needed.map((k) => t(k, params));
      expect(out.filter((v, i) => v === needed[i])).toEqual([]);
      if (locale !== 'en')
        expect(
          out.filter((v, i) => v === helpcenterTranslator('en')(needed[i], params) && !/^\{?service\}?$/.test(v)),
        ).toEqual([]);
    }
    expect(helpcenterTranslator('ja')('helpcenter.submit')).toBe('送信する');
    expect(helpcenterTranslator('zh-CN')('helpcenter.done.title')).toBe('您的咨询已受理');
    expect(helpcenterTranslator('zh-TW')('helpcenter.done.title')).toBe('您的諮詢已受理');
  });

  it('maps the original’s ISO codes to texts, English for a language without translations', () => {
    expect(['ko', 'en', 'ja', 'zh', 'zh_TW', 'vi', 'th', 'es_LA'].map(helpcenterLocale)).toEqual([
      'ko',
      'en',
      'ja',
      'zh-CN',
      'zh-TW',
      'en',
      'en',
      'en',
    ]);
    // Every code of the original's list is accepted by the service settings.
    expect(languagesSchema.safeParse(ORIGINAL_LANGUAGES.map((l) => l.code)).success).toBe(false); // more than 20 at once
    for (let i = 0; i < ORIGINAL_LANGUAGES.length; i += 10)
      expect(languagesSchema.safeParse(ORIGINAL_LANGUAGES.slice(i, i + 10).map((l) => l.code)).success).toBe(true);
  });

  it('answers a Japanese help-center form in Japanese', async () => {
    const s = await makeService(db(), undefined, ['ko', 'ja', 'zh_TW']);
    const id = randomUUID();
    await db()
      .insert(categories)
      .values({
        id,
        serviceId: s.id,
        kind: 'intake',
        path: `/${id}/`,
        depth: 1,
        name: '決済',
        names: { ko: '결제', ja: '決済' },
      });
    const fd = new FormData();
    for (const [k, v] of Object.entries({
      _token: issueFormToken(s.id),
      'f.category': id,
      'f.subject': '',
      'f.content': '内容',
      'f.personalAgree': 'true',
    }))
      fd.append(k, v);
    const shown = async (lang: string, form: FormData, ip: string) => {
      const r = await submitInquiry(
        { db: db(), client: { ip, userAgent: 'Mozilla/5.0' } },
        { serviceId: s.id, lang, form },
      );
      return r.ok ? r : inquiryRefusalText(helpcenterTranslator(helpcenterLocale(lang)), r);
    };
    const r = await shown('ja', fd, '198.51.100.77');
    expect(r).toMatchObject({
      ok: false,
      error: '入力内容をご確認ください。',
      fieldErrors: { subject: ['必須項目です。'] },
    });
    const fd2 = new FormData();
    for (const [k, v] of Object.entries({
      _token: issueFormToken(s.id),
      'f.category': id,
      'f.subject': '',
      'f.content': '內容',
      'f.personalAgree': 'true',
    }))
      fd2.append(k, v);
    const r2 = await shown('zh_TW', fd2, '198.51.100.78');
    expect(r2).toMatchObject({ ok: false, error: '請檢查標示的項目。' });
  });
});
