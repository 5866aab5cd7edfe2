import { TICKET_EVENTS } from '@/lib/tickets/types';
import type { Target } from './target';

/** 이벤트: 티켓 생성 / 티켓 수정 / 고객 답변 / 상담원 답변. */
export const event: Target = { id: 'event', type: 'event', values: TICKET_EVENTS, read: (_t, e) => e };
