import { LMS_MAX_BYTES, SMS_MAX_BYTES, smsLength } from '@/lib/sms/bytes';
import { cp949Encodable } from '@/lib/sms/encoding';

const count = (s: string) => smsLength(s, cp949Encodable);

describe('SMS byte counting (EUC-KR/CP949, as the provider counts)', () => {
  it('counts ASCII as 1 byte and Hangul as 2, including syllables outside KS X 1001', () => {
    expect(count('hello').bytes).toBe(5);
    expect(count('안녕하세요').bytes).toBe(10);
    expect(count('똠방각하 OK').bytes).toBe(11);
    expect(count('줄\r\n바꿈').bytes).toBe(8);
  });

  it('is an SMS up to 90 bytes and an LMS from 91, and too long past the LMS limit', () => {
    expect(count('가'.repeat(45))).toMatchObject({ bytes: SMS_MAX_BYTES, type: 'sms', tooLong: false });
    expect(count(`${'가'.repeat(45)}a`)).toMatchObject({ bytes: 91, type: 'lms' });
    expect(count('a'.repeat(SMS_MAX_BYTES)).type).toBe('sms');
    expect(count('가'.repeat(LMS_MAX_BYTES / 2)).tooLong).toBe(false);
    expect(count(`${'가'.repeat(LMS_MAX_BYTES / 2)}a`).tooLong).toBe(true);
  });

  it('names the characters the provider cannot carry (emoji), and counts the rest', () => {
    const r = count('감사합니다 😀👍 ok');
    expect(r.unsendable).toEqual(['😀', '👍']);
    expect(r.bytes).toBe(14);
    // The browser's guess without the character table flags astral characters the same way.
    expect(smsLength('감사 😀').unsendable).toEqual(['😀']);
    expect(count('?').unsendable).toEqual([]);
  });
});
