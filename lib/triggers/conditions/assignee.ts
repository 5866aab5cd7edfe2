import { column } from './target';

/** 담당자 (a member id). */
export const assignee = column('assignee', 'person', 'assigneeId');
