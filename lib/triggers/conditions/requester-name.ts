import { column } from './target';

export const requesterName = column('requesterName', 'text', 'requesterName');
