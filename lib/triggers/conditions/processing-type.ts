import type { Target } from './target';

/** 처리유형: like 접수유형. */
export const processingType: Target = { id: 'processingType', type: 'category', read: (t) => t.processingTypeId, path: (t) => t.processingTypePath };
