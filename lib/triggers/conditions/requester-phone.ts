import { column } from './target';

export const requesterPhone = column('requesterPhone', 'text', 'requesterPhone');
