import { TICKET_CHANNELS } from '@/db/schema/tickets';
import { column } from './target';

export const channel = column('channel', 'enum', 'channel', TICKET_CHANNELS);
