import { TICKET_PRIORITIES } from '@/db/values';
import { column } from './target';

export const priority = column('priority', 'enum', 'priority', TICKET_PRIORITIES);
