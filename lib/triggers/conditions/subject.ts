import { column } from './target';

export const subject = column('subject', 'text', 'subject');
