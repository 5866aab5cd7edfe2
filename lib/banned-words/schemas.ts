import { z } from 'zod';

export const BANNED_WORD_MAX = 100;
/** At most this many words in one paste, and in one service (the check budget is set for 2,000). */
export const BANNED_WORDS_PER_ADD = 500;
export const BANNED_WORDS_PER_SERVICE = 5000;

/** One word per line; the verb checks each line so the message can name it. */
export const addBannedWordsInput = z.object({
  words: z.string().max(1_000_000, { error: 'bannedWords.pasteTooLarge' }),
});
export type AddBannedWordsInput = z.output<typeof addBannedWordsInput>;

export const updateBannedWordInput = z.object({
  id: z.uuid({ error: 'errors.notFound' }),
  word: z.string().max(10_000),
});
export type UpdateBannedWordInput = z.output<typeof updateBannedWordInput>;

export const bannedWordIdInput = z.object({ id: z.uuid({ error: 'errors.notFound' }) });
export type BannedWordIdInput = z.output<typeof bannedWordIdInput>;

export const checkBannedWordsInput = z.object({ text: z.string().max(200_000) });
export type CheckBannedWordsInput = z.output<typeof checkBannedWordsInput>;
