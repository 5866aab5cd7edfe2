import { formatDate } from '@/lib/i18n/format-date';

const at = new Date('2026-11-30T01:58:07Z'); // 10:58:07 in Seoul
const pm = new Date('2026-11-30T15:05:00Z'); // 00:05 the next day in Seoul, 10:05 in New York

describe('formatDate', () => {
  it('writes Korean dates with 오전/오후 whatever ICU data the runtime has', () => {
    expect(formatDate(at, { locale: 'ko', timeZone: 'Asia/Seoul' })).toBe('2026. 11. 30. 오전 10:58');
    expect(formatDate(pm, { locale: 'ko', timeZone: 'Asia/Seoul' })).toBe('2026. 12. 1. 오전 12:05');
    expect(formatDate(new Date('2026-11-30T04:00:00Z'), { locale: 'ko', timeZone: 'Asia/Seoul', style: 'time' })).toBe(
      '오후 1:00',
    );
    expect(formatDate(at, { locale: 'ko', timeZone: 'Asia/Seoul', style: 'dateTimeSeconds' })).toBe(
      '2026. 11. 30. 오전 10:58:07',
    );
    expect(formatDate(at, { locale: 'ko', timeZone: 'Asia/Seoul', style: 'date' })).toBe('2026. 11. 30.');
  });

  it('writes English dates with a month name and AM/PM, in the given time zone', () => {
    expect(formatDate(at, { locale: 'en', timeZone: 'Asia/Seoul' })).toBe('Nov 30, 2026, 10:58 AM');
    expect(formatDate(pm, { locale: 'en', timeZone: 'America/New_York' })).toBe('Nov 30, 2026, 10:05 AM');
    expect(
      formatDate(new Date('2026-11-30T03:30:00Z'), { locale: 'en', timeZone: 'Asia/Seoul', style: 'timeSeconds' }),
    ).toBe('12:30:00 PM');
  });

  it('accepts ISO strings and gives nothing for an invalid date', () => {
    expect(formatDate(at.toISOString(), { locale: 'ko', timeZone: 'Asia/Seoul', style: 'date' })).toBe('2026. 11. 30.');
    expect(formatDate('not a date', { locale: 'ko', timeZone: 'Asia/Seoul' })).toBe('');
  });
});
