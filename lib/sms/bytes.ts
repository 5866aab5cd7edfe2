/** NHN Cloud SMS limits (integrations.md §3): an SMS body is at most 90 bytes; above, it goes as LMS. */
export const SMS_MAX_BYTES = 90;
/** The LMS/MMS body limit the original product enforces (부가업무 → SMS발송: MMS ≤ 2000 byte). */
export const LMS_MAX_BYTES = 2000;
export const LMS_TITLE_MAX = 120;

export type SmsLength = { bytes: number; type: 'sms' | 'lms'; tooLong: boolean; unsendable: string[] };

/**
 * Bytes of a message as the provider counts them (EUC-KR/CP949: ASCII 1 byte, Hangul and other
 * double-byte characters 2), the type it will go as, and the characters it cannot carry at all
 * (emoji and anything outside the character set; `encodable` decides, the browser's guess being
 * "anything in the Basic Multilingual Plane"). Line breaks count as in the text (CRLF = 2).
 */
export function smsLength(
  text: string,
  encodable: (ch: string) => boolean = (ch) => ch.codePointAt(0)! <= 0xffff,
): SmsLength {
  let bytes = 0;
  const unsendable = new Set<string>();
  for (const ch of text) {
    const cp = ch.codePointAt(0)!;
    if (cp <= 0x7f) bytes += 1;
    else if (encodable(ch)) bytes += 2;
    else unsendable.add(ch);
  }
  const type = bytes > SMS_MAX_BYTES ? 'lms' : 'sms';
  return { bytes, type, tooLong: bytes > LMS_MAX_BYTES, unsendable: [...unsendable] };
}
