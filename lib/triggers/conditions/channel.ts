import { TICKET_CHANNELS } from '@/db/values';
import { column } from './target';

export const channel = column('channel', 'enum', 'channel', TICKET_CHANNELS);
