import { column } from './target';

export const requesterEmail = column('requesterEmail', 'text', 'requesterEmail');
