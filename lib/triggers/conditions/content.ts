import { column } from './target';

/** 내용: the inquiry body. */
export const content = column('content', 'text', 'content');
