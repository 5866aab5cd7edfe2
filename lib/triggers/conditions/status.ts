import { TICKET_STATUSES } from '@/db/values';
import { column } from './target';

export const status = column('status', 'enum', 'status', TICKET_STATUSES);
