import type { FieldAudience } from '@/db/schema';

/** Fields that keep their place (SPEC §5): 접수유형 first and 개인정보수집 last; 처리유형 and 우선순위 first. */
export const PINNED_FIRST: Record<FieldAudience, string[]> = {
  customer: ['category'],
  agent: ['processingType', 'priority'],
};
export const PINNED_LAST: Record<FieldAudience, string[]> = { customer: ['personalAgree'], agent: [] };

/** The layout a service starts with, before any 필드 설정. */
export const DEFAULT_LAYOUT: Record<FieldAudience, string[]> = {
  customer: ['category', 'subject', 'content', 'name', 'mail', 'phone', 'attachment', 'personalAgree'],
  agent: ['processingType', 'priority'],
};
