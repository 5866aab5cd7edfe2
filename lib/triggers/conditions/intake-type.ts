import type { Target } from './target';

/** 접수유형: the category itself, or with `is_within` the node or any descendant. */
export const intakeType: Target = { id: 'intakeType', type: 'category', read: (t) => t.intakeTypeId, path: (t) => t.intakeTypePath };
