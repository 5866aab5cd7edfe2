import type { ResultDraft } from '../types';

/** Result types as the 대상 menu lists them; 외부 전달 후 티켓 완료 is `forward` with `complete`. */
export const RESULT_CHOICES = [
  'assign',
  'set_intake_type',
  'set_group',
  'notify_mail',
  'forward',
  'forward_complete',
  'callback',
  'dooray',
] as const;
export type ResultChoice = (typeof RESULT_CHOICES)[number];

export function choiceOf(r: ResultDraft): ResultChoice | '' {
  if (r.type === 'forward') return r.complete ? 'forward_complete' : 'forward';
  return (RESULT_CHOICES as readonly string[]).includes(r.type) ? (r.type as ResultChoice) : '';
}

export function emptyResult(choice: ResultChoice): ResultDraft {
  switch (choice) {
    case 'assign':
      return { type: 'assign', groupId: '', method: 'round_robin', agentId: null };
    case 'set_intake_type':
      return { type: 'set_intake_type', categoryId: '' };
    case 'set_group':
      return { type: 'set_group', groupId: '' };
    case 'notify_mail':
      return { type: 'notify_mail', to: 'assignee', agentId: null, groupId: null, messages: {} };
    case 'forward':
      return { type: 'forward', to: '', complete: false };
    case 'forward_complete':
      return { type: 'forward', to: '', complete: true };
    case 'callback':
      return { type: 'callback', url: '' };
    case 'dooray':
      return {
        type: 'dooray',
        url: '',
        botName: 'Contact Desk',
        botIconImage: '',
        text: '[#{ticketNo}] #{subject}',
        attachmentTitle: '',
        attachmentText: '',
      };
  }
}
