'use server';

import { serviceAction } from '@/lib/actions/action';
import { checkBannedWords } from '@/lib/banned-words/check-text';
import { checkBannedWordsInput } from '@/lib/banned-words/schemas';

/** The client-side pre-check of 처리하기 / 미리보기; the server checks again when the reply is sent. */
export const checkBannedWordsAction = serviceAction(checkBannedWordsInput, {}, async (input, ctx) =>
  checkBannedWords(ctx, input),
);
