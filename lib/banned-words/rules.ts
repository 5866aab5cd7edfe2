import { ValidationError, type MessageRef } from '@/lib/errors';
import { BANNED_WORD_MAX } from './schemas';
import { wordKey } from './normalize';

export type CheckedWord = { word: string; key: string };
export type WordProblem = 'empty' | 'tooLong' | 'controlChars' | 'noLetters' | 'duplicate' | 'exists';

/** One word's problem, or its trimmed form and key. */
export function checkWord(raw: string): { ok: true; value: CheckedWord } | { ok: false; problem: WordProblem } {
  const word = raw.trim();
  if (!word) return { ok: false, problem: 'empty' };
  if (word.length > BANNED_WORD_MAX) return { ok: false, problem: 'tooLong' };
  if (/\p{Cc}/u.test(word)) return { ok: false, problem: 'controlChars' };
  const key = wordKey(word);
  if (!key || !/[\p{L}\p{N}]/u.test(key)) return { ok: false, problem: 'noLetters' };
  return { ok: true, value: { word, key } };
}

/** The message of one word's problem (the edit dialog). */
export function problemMessage(problem: WordProblem, word: string): MessageRef {
  return { key: `bannedWords.problem.${problem}`, params: { max: BANNED_WORD_MAX, word } };
}

/** A field error on `field` naming the first problem lines (at most 5, then how many more). */
export function lineErrors(
  field: string,
  problems: { line: number; word: string; problem: WordProblem }[],
): ValidationError {
  const shown: MessageRef[] = problems.slice(0, 5).map((p) => ({
    key: `bannedWords.line.${p.problem}`,
    params: { line: p.line, max: BANNED_WORD_MAX, word: p.word.slice(0, 40) },
  }));
  if (problems.length > 5) shown.push({ key: 'bannedWords.moreLines', params: { count: problems.length - 5 } });
  return new ValidationError({ [field]: shown }, 'bannedWords.nothingAdded');
}
