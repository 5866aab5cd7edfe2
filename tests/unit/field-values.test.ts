import type { FieldRule } from '@/lib/fields/types';
import { validateFieldValue, validateFieldValues } from '@/lib/fields/validate-value';

const opts = [
  { value: '구분1', labels: { ko: '구분1' } },
  { value: '구분2', labels: { ko: '구분2' } },
];
const rule = (type: FieldRule['type'], extra: Partial<FieldRule> = {}): FieldRule => ({
  code: 'f',
  type,
  required: false,
  ...extra,
});
const ok = (r: FieldRule, raw: unknown) => validateFieldValue(r, raw);
const errKey = (r: FieldRule, raw: unknown) => {
  const x = validateFieldValue(r, raw);
  return x.ok ? null : x.error.key;
};

describe('field value validation (formats of integrations.md §1.8)', () => {
  it('text: trims, limits length in characters, refuses line breaks and control characters', () => {
    expect(ok(rule('text'), '  사용자 입력 내용 ')).toEqual({ ok: true, value: '사용자 입력 내용' });
    expect(errKey(rule('text', { maxLength: 3 }), '가나다라')).toBe('validation.tooLong');
    expect(ok(rule('text', { maxLength: 3 }), '가나다')).toMatchObject({ ok: true });
    expect(errKey(rule('text'), 'a\nb')).toBe('validation.controlChars');
    expect(errKey(rule('text'), 'a\u0000b')).toBe('validation.controlChars');
    expect(ok(rule('text'), '<script>alert(1)</script>')).toEqual({ ok: true, value: '<script>alert(1)</script>' });
  });

  it('textarea keeps line breaks', () => {
    expect(ok(rule('textarea'), '첫 줄\n둘째 줄')).toEqual({ ok: true, value: '첫 줄\n둘째 줄' });
  });

  it('required fields refuse empty values of every shape', () => {
    for (const t of ['text', 'textarea', 'dropdown', 'radio', 'date', 'checkbox'] as const) {
      for (const empty of [undefined, null, '', '   ', []]) {
        expect(errKey(rule(t, { required: true, options: opts }), empty)).toBe('validation.required');
      }
    }
    expect(ok(rule('text'), '')).toEqual({ ok: true, value: null });
  });

  it('checkbox takes a list of known options, de-duplicated; dropdown and radio take one', () => {
    expect(ok(rule('checkbox', { options: opts }), ['구분1', '구분2', '구분1'])).toEqual({
      ok: true,
      value: ['구분1', '구분2'],
    });
    expect(ok(rule('checkbox', { options: opts }), '구분2')).toEqual({ ok: true, value: ['구분2'] });
    expect(errKey(rule('checkbox', { options: opts }), ['구분3'])).toBe('validation.choice');
    expect(errKey(rule('checkbox', { options: opts }), [1])).toBe('validation.invalid');
    expect(ok(rule('dropdown', { options: opts }), '구분1')).toEqual({ ok: true, value: '구분1' });
    expect(errKey(rule('radio', { options: opts }), '구분9')).toBe('validation.choice');
    expect(errKey(rule('dropdown', { options: opts }), ['구분1'])).toBe('validation.invalid');
  });

  it('dates are real calendar days in YYYY-MM-DD', () => {
    expect(ok(rule('date'), '2022-07-11')).toEqual({ ok: true, value: '2022-07-11' });
    expect(ok(rule('date'), '2024-02-29')).toMatchObject({ ok: true });
    for (const bad of ['2026-02-30', '2025-02-29', '2022-7-11', '2022/07/11', '2022-13-01', '20220711'])
      expect(errKey(rule('date'), bad)).toBe('validation.field.date');
  });

  it('date-times are YYYY-MM-DD HH:mm with a real time', () => {
    expect(ok(rule('datetime'), '2022-07-11 00:00')).toMatchObject({ ok: true });
    for (const bad of ['2022-07-11 24:00', '2022-07-11 12:60', '2022-07-11T12:00', '2026-02-30 10:00'])
      expect(errKey(rule('datetime'), bad)).toBe('validation.field.datetime');
  });

  it('periods are "start ~ end" with the end not before the start', () => {
    expect(ok(rule('date_period'), '2022-07-01 ~ 2022-07-31')).toMatchObject({ ok: true });
    expect(ok(rule('date_period'), '2022-07-01 ~ 2022-07-01')).toMatchObject({ ok: true });
    expect(errKey(rule('date_period'), '2022-07-31 ~ 2022-07-01')).toBe('validation.field.datePeriod');
    expect(errKey(rule('date_period'), '2022-07-01~2022-07-31')).toBe('validation.field.datePeriod');
    expect(ok(rule('datetime_period'), '2022-07-01 00:00 ~ 2022-07-31 23:59')).toMatchObject({ ok: true });
    expect(errKey(rule('datetime_period'), '2022-07-01 10:00 ~ 2022-07-01 09:59')).toBe(
      'validation.field.datetimePeriod',
    );
  });

  it('agree accepts true/"true"/"on"; a required agree must be given', () => {
    expect(ok(rule('agree'), 'true')).toEqual({ ok: true, value: true });
    expect(ok(rule('agree'), undefined)).toEqual({ ok: true, value: false });
    expect(errKey(rule('agree', { required: true }), false)).toBe('validation.field.mustAgree');
    expect(errKey(rule('agree'), 'yes')).toBe('validation.field.agree');
  });

  it('caption and file carry no value of their own', () => {
    expect(ok(rule('caption', { required: true }), 'anything')).toEqual({ ok: true, value: null });
  });

  it('validates a whole form and keys errors by field code', () => {
    const rules: FieldRule[] = [
      { code: 'subject', type: 'text', required: true, maxLength: 200 },
      { code: 'visitDate', type: 'date', required: false },
      { code: 'personalAgree', type: 'agree', required: true },
    ];
    const r = validateFieldValues(rules, { subject: '배송 문의', visitDate: '2026-02-30' });
    expect(r.values).toEqual({ subject: '배송 문의' });
    expect(Object.keys(r.errors).sort()).toEqual(['personalAgree', 'visitDate']);
  });
});
