import { createServiceInput, isIsoLanguage, languagesSchema } from '@/lib/services/schemas';

describe('service ID rules', () => {
  it.each(['demo', 'shop2', 'a23', 'x'.repeat(30)])('accepts %s', (id) => {
    expect(createServiceInput.safeParse({ id, name: 'n' }).success).toBe(true);
  });
  it.each([
    ['ab', 'validation.serviceIdRule'],
    ['1abc', 'validation.serviceIdRule'],
    ['Demo', 'validation.serviceIdRule'],
    ['de-mo', 'validation.serviceIdRule'],
    ['x'.repeat(31), 'validation.serviceIdRule'],
    ['admin', 'validation.serviceIdReserved'],
    ['login', 'validation.serviceIdReserved'],
    ['api', 'validation.serviceIdReserved'],
    ['', 'validation.required'],
  ])('refuses %s', (id, key) => {
    const r = createServiceInput.safeParse({ id, name: 'n' });
    expect(r.success).toBe(false);
    expect(r.error!.issues.map((i) => i.message)).toContain(key);
  });
});

describe('help-center languages', () => {
  it.each(['ko', 'en', 'ja', 'zh', 'zh_TW', 'vi', 'th', 'yue', 'fil', 'es_LA', 'pt_BR'])('accepts %s', (code) =>
    expect(isIsoLanguage(code)).toBe(true),
  );
  it.each(['kor', 'xx', 'xxx', 'zxx', 'zh-TW', 'EN', 'zh_tw', 'en_ZZ', '', 'k', 'abcd'])('refuses %s', (code) =>
    expect(isIsoLanguage(code)).toBe(false),
  );
  it('splits a comma list, keeps the order, refuses duplicates', () => {
    expect(languagesSchema.parse('ko, en,ja')).toEqual(['ko', 'en', 'ja']);
    expect(languagesSchema.safeParse('ko,ko').success).toBe(false);
    expect(languagesSchema.safeParse('').success).toBe(false);
  });
});
