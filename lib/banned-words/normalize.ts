/**
 * The matching rule of banned words (금칙어, SPEC §9), shared by the words and the texts:
 *
 * - letters compare case-insensitively and by compatibility form (NFKC: full-width `ＡＢ` = `ab`,
 *   decomposed Hangul jamo = the composed syllable), one syllable / character at a time, so a
 *   word never matches part of a syllable (`가` does not match `각`, however `각` is encoded);
 * - invisible format characters (zero-width space/joiners, BOM, soft hyphen…) are ignored everywhere;
 * - between two Hangul syllables, any run of spaces, line breaks, punctuation and symbols is
 *   ignored (`바 보`, `바.보`, `바 · 보` all contain `바보`);
 * - elsewhere (Latin letters, digits) spaces and symbols count: a run of white space equals one
 *   space, and `p.a.s.s` does not contain `pass` (that would flag ordinary sentences).
 *
 * `toKey` turns a text into the key string the matcher scans, with, for every UTF-16 unit of the
 * key, the range of the original text it came from, so matches are reported in the original text.
 */
export type Keyed = { key: string; starts: Int32Array; ends: Int32Array };

const enum Kind {
  Hangul,
  Space,
  Symbol,
  Other,
}

const INVISIBLE = /^[\p{Cf}\u115F\u1160\u3164\uFFA0]$/u;
const SEPARATOR = /^[\p{P}\p{S}]$/u;
const SPACE = /^\s$/u;

function isHangulSyllable(s: string): boolean {
  if (s.length !== 1) return false;
  const c = s.charCodeAt(0);
  return c >= 0xac00 && c <= 0xd7a3;
}

/** Length in UTF-16 units of the cluster starting at `i`: a code point plus combining marks / trailing jamo. */
function clusterEnd(text: string, i: number): number {
  const cp = text.codePointAt(i)!;
  let j = i + (cp > 0xffff ? 2 : 1);
  const leading = cp >= 0x1100 && cp <= 0x115e;
  const syllable = cp >= 0xac00 && cp <= 0xd7a3;
  while (j < text.length) {
    const c = text.charCodeAt(j);
    const vowel = c >= 0x1161 && c <= 0x11a7;
    const trailing = c >= 0x11a8 && c <= 0x11ff;
    const mark = (c >= 0x0300 && c <= 0x036f) || (c >= 0x3099 && c <= 0x309a);
    if (mark || ((leading || syllable) && (vowel || trailing))) j++;
    else break;
  }
  return j;
}

/** A growable buffer of key units and their original ranges. */
class KeyBuffer {
  codes: Uint16Array;
  starts: Int32Array;
  ends: Int32Array;
  length = 0;
  constructor(capacity: number) {
    this.codes = new Uint16Array(capacity);
    this.starts = new Int32Array(capacity);
    this.ends = new Int32Array(capacity);
  }
  push(code: number, start: number, end: number) {
    if (this.length === this.codes.length) this.grow();
    this.codes[this.length] = code;
    this.starts[this.length] = start;
    this.ends[this.length] = end;
    this.length++;
  }
  private grow() {
    const n = this.codes.length * 2 + 16;
    const codes = new Uint16Array(n);
    codes.set(this.codes);
    const starts = new Int32Array(n);
    starts.set(this.starts);
    const ends = new Int32Array(n);
    ends.set(this.ends);
    Object.assign(this, { codes, starts, ends });
  }
}

export type KeyedCodes = { codes: Uint16Array; starts: Int32Array; ends: Int32Array; length: number };

/**
 * The key of `text` as UTF-16 units, with each unit's range in `text` (see the rule above).
 * One pass, no per-character objects: separators are written eagerly and rolled back when the
 * run turns out to lie between two syllables.
 */
export function toKeyCodes(text: string): KeyedCodes {
  const buf = new KeyBuffer(text.length + 16);
  let last: Kind | null = null; // kind of the last non-separator unit
  let runStart = -1; // buffer length where the current separator run began, -1 outside a run
  let i = 0;
  while (i < text.length) {
    const c = text.charCodeAt(i);
    let kind: Kind;
    let end = i + 1;
    let norm: string | null = null;
    let code = c;
    if (c < 0x80) {
      if (c === 32 || (c >= 9 && c <= 13)) kind = Kind.Space;
      else if ((c >= 48 && c <= 57) || (c >= 97 && c <= 122)) kind = Kind.Other;
      else if (c >= 65 && c <= 90) {
        kind = Kind.Other;
        code = c + 32;
      } else if (c < 32 || c === 127) {
        i++;
        continue;
      } else kind = Kind.Symbol;
    } else if (c >= 0xac00 && c <= 0xd7a3 && !(i + 1 < text.length && isJamoContinuation(text.charCodeAt(i + 1)))) {
      kind = Kind.Hangul;
    } else {
      end = clusterEnd(text, i);
      const raw = text.slice(i, end);
      if (INVISIBLE.test(raw)) {
        i = end;
        continue;
      }
      norm = raw.normalize('NFKC').toLowerCase();
      kind = isHangulSyllable(norm)
        ? Kind.Hangul
        : SPACE.test(raw)
          ? Kind.Space
          : SEPARATOR.test(raw)
            ? Kind.Symbol
            : Kind.Other;
    }
    if (kind === Kind.Space || kind === Kind.Symbol) {
      if (runStart < 0) runStart = buf.length;
      if (kind === Kind.Space) {
        // A run of white space is one ' ' covering the whole run.
        const prev = buf.length - 1;
        if (prev >= runStart && buf.codes[prev] === 32 && buf.ends[prev] === i) buf.ends[prev] = end;
        else buf.push(32, i, end);
      } else if (norm === null) buf.push(code, i, end);
      else for (let k = 0; k < norm.length; k++) buf.push(norm.charCodeAt(k), i, end);
      i = end;
      continue;
    }
    if (runStart >= 0) {
      if (kind === Kind.Hangul && last === Kind.Hangul) buf.length = runStart;
      runStart = -1;
    }
    if (norm === null) buf.push(code, i, end);
    else for (let k = 0; k < norm.length; k++) buf.push(norm.charCodeAt(k), i, end);
    last = kind;
    i = end;
  }
  return buf;
}

function isJamoContinuation(c: number): boolean {
  return c >= 0x1161 && c <= 0x11ff;
}

/** The key of `text` as a string, with the ranges (tests and word keys). */
export function toKey(text: string): Keyed {
  const k = toKeyCodes(text);
  let key = '';
  for (let i = 0; i < k.length; i += 4096)
    key += String.fromCharCode(...k.codes.subarray(i, Math.min(k.length, i + 4096)));
  return { key, starts: k.starts.slice(0, k.length), ends: k.ends.slice(0, k.length) };
}

/** The key a banned word is stored and compared under: leading/trailing separators do not count. */
export function wordKey(word: string): string {
  return toKey(word).key.trim();
}
