import { compileMatcher } from '@/lib/banned-words/matcher';
import { wordKey } from '@/lib/banned-words/normalize';

const compile = (...words: string[]) => compileMatcher(words.map((word) => ({ word, key: wordKey(word) })));
const found = (text: string, ...words: string[]) =>
  compile(...words)
    .find(text)
    .map((m) => ({ word: m.word, at: text.slice(m.start, m.end) }));

describe('banned-word matcher', () => {
  it('finds a word case-insensitively and reports its place in the original text', () => {
    const text = 'Please do NOT use Refund now';
    const m = compile('refund').find(text);
    expect(m).toEqual([{ word: 'refund', start: 18, end: 24 }]);
    expect(text.slice(m[0].start, m[0].end)).toBe('Refund');
  });

  it('finds a Korean word split by spaces, dots, symbols or line breaks between its syllables', () => {
    expect(found('정말 바 보 같네요', '바보')).toEqual([{ word: '바보', at: '바 보' }]);
    expect(found('바.보', '바보')).toEqual([{ word: '바보', at: '바.보' }]);
    expect(found('바 · 보 !', '바보')).toEqual([{ word: '바보', at: '바 · 보' }]);
    expect(found('바\n\n보', '바보')).toEqual([{ word: '바보', at: '바\n\n보' }]);
    expect(found('바*_*보', '바보')).toEqual([{ word: '바보', at: '바*_*보' }]);
  });

  it('ignores zero-width and other invisible characters anywhere, in Latin words too', () => {
    expect(found('바\u200B보', '바보')).toEqual([{ word: '바보', at: '바\u200B보' }]);
    expect(found('ref\u200Dund', 'refund')).toEqual([{ word: 'refund', at: 'ref\u200Dund' }]);
    expect(found('re\uFEFFfu\u00ADnd', 'refund')).toHaveLength(1);
  });

  it('keeps spaces and symbols significant between Latin letters (no "p.a.s.s" or cross-word hits)', () => {
    expect(found('p.a.s.s', 'pass')).toEqual([]);
    expect(found('a pass', 'apass')).toEqual([]);
    expect(found('credit   card', 'credit card')).toEqual([{ word: 'credit card', at: 'credit   card' }]);
  });

  it('matches full-width letters and words typed with spaces in the list itself', () => {
    expect(found('ＲＥＦＵＮＤ', 'refund')).toHaveLength(1);
    expect(found('바보야', '바 보')).toEqual([{ word: '바 보', at: '바보' }]);
  });

  it('reports overlapping and repeated words, each occurrence', () => {
    expect(found('바보험', '바보', '보험')).toEqual([
      { word: '바보', at: '바보' },
      { word: '보험', at: '보험' },
    ]);
    expect(found('abcd', 'abc', 'bc', 'bcd')).toEqual([
      { word: 'abc', at: 'abc' },
      { word: 'bcd', at: 'bcd' },
      { word: 'bc', at: 'bc' },
    ]);
    expect(found('바보 바보', '바보')).toHaveLength(2);
  });

  it('does not match part of a Hangul syllable, whether the text is composed or decomposed (NFD)', () => {
    expect(found('각', '가')).toEqual([]);
    expect(found('각'.normalize('NFD'), '가')).toEqual([]);
    expect(found('가'.normalize('NFD') + ' 나', '가나')).toHaveLength(1);
    expect(found('바봉', '바보')).toEqual([]);
    expect(found('ㅂㅏㅂㅗ', '바보')).toEqual([]);
  });

  it('does not join syllables across a Latin letter or digit', () => {
    expect(found('바a보', '바보')).toEqual([]);
    expect(found('바1보', '바보')).toEqual([]);
  });

  it('is empty for an empty list or text', () => {
    expect(compile().find('아무 말')).toEqual([]);
    expect(compile('바보').find('')).toEqual([]);
  });

  it('normalizes words so duplicates are caught: case, spacing between syllables, outer symbols', () => {
    expect(wordKey('  Refund ')).toBe('refund');
    expect(wordKey('바 보')).toBe(wordKey('바보'));
    expect(wordKey('바.보')).toBe(wordKey('바보'));
    expect(wordKey('REFUND')).toBe(wordKey('refund'));
    expect(wordKey('   ')).toBe('');
    expect(wordKey('\u200B')).toBe('');
  });
});
