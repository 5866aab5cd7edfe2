import { displayFieldValue } from '@/lib/fields/display';
import type { FieldOption } from '@/db/values';

const grade: { type: string; options: FieldOption[] } = {
  type: 'dropdown',
  options: [
    { value: 'gold', labels: { ko: '골드회원', en: 'Gold member' } },
    { value: 'basic', labels: { ko: '일반회원' } },
  ],
};
const topics = {
  type: 'checkbox',
  options: [
    { value: 'ship', labels: { ko: '배송', en: 'Shipping' } },
    { value: 'pay', labels: { ko: '결제', en: 'Payment' } },
  ],
};
const ko = { lang: 'ko', defaultLang: 'ko', yes: '예', no: '아니요' };
const en = { lang: 'en', defaultLang: 'ko', yes: 'Yes', no: 'No' };

describe('displayFieldValue', () => {
  it("shows a dropdown, radio or checkbox value as the option's label in the reader's language", () => {
    expect(displayFieldValue(grade, 'gold', ko)).toBe('골드회원');
    expect(displayFieldValue(grade, 'gold', en)).toBe('Gold member');
    expect(displayFieldValue({ ...grade, type: 'radio' }, 'gold', en)).toBe('Gold member');
    expect(displayFieldValue(topics, ['ship', 'pay'], ko)).toBe('배송, 결제');
    expect(displayFieldValue(topics, ['ship', 'pay'], en)).toBe('Shipping, Payment');
  });

  it("falls back to the default language's label, then to the stored code of a removed option", () => {
    expect(displayFieldValue(grade, 'basic', en)).toBe('일반회원');
    expect(displayFieldValue(grade, 'vip', ko)).toBe('vip');
  });

  it('leaves text as typed and writes agreements as yes/no', () => {
    expect(displayFieldValue({ type: 'text' }, 'gold', ko)).toBe('gold');
    expect(displayFieldValue({ type: 'agree' }, true, ko)).toBe('예');
    expect(displayFieldValue(undefined, null, ko)).toBe('');
  });
});
