import { openCredential, sealCredential } from '@/lib/channels/sealed';

const binding = (id: string) => ({ table: 'sms_messages', column: 'recipient_sealed', rowId: id });

/** The recipient is personal data (often the requester's encrypted phone field): sealed to its message row. */
export const sealRecipient = (smsId: string, phone: string) => sealCredential(phone, binding(smsId));
export const openRecipient = (smsId: string, sealed: string) => openCredential(sealed, binding(smsId));

/** 01012345678 → 010****5678: enough to recognise the number in the history, not to read it. */
export function maskPhone(phone: string): string {
  if (phone.length <= 7) return `${phone.slice(0, 2)}${'*'.repeat(Math.max(0, phone.length - 2))}`;
  return `${phone.slice(0, 3)}${'*'.repeat(phone.length - 7)}${phone.slice(-4)}`;
}
