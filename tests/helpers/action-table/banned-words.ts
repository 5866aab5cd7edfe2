import { ADMINS, A, row, hex, type Row } from './table';

/** 금칙어 settings. */
export const bannedWordsActions: [string, Row][] = [
  row(A.words, 'addBannedWordsAction', ADMINS, (fx) => ({ serviceId: fx.s, words: `금칙${hex()}` })),
  row(A.words, 'updateBannedWordAction', ADMINS, (fx) => ({ serviceId: fx.s, id: fx.wordId, word: `바꾼${hex()}` })),
  row(A.words, 'deleteBannedWordAction', ADMINS, (fx) => ({ serviceId: fx.s, id: fx.wordId })),
];
