import { column } from './target';

/** 담당그룹 (a group id). */
export const group = column('group', 'person', 'groupId');
