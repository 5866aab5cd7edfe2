import iconv from 'iconv-lite';

/** True when CP949 (the provider's EUC-KR superset, all 11,172 Hangul syllables) can carry the character. */
export function cp949Encodable(ch: string): boolean {
  if (ch === '?') return true;
  const b = iconv.encode(ch, 'cp949');
  return !(b.length === 1 && b[0] === 0x3f);
}
