import type { Target } from './target';

/** 생성일시. */
export const createdAt: Target = { id: 'createdAt', type: 'date', read: (t) => t.createdAt.getTime() };
