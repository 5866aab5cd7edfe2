import type { Db } from '@/db';
import type { ServiceAccess } from '@/lib/auth/access';
import type { SessionMember } from '@/lib/auth/sessions';
import type { Locale } from '@/lib/i18n/config';

export type ClientInfo = { ip: string | null; userAgent: string | null };

/** What every domain verb receives: who acts, in which language, against which database. */
export type MemberCtx = {
  db: Db;
  member: SessionMember;
  locale: Locale;
  client: ClientInfo;
  /** The session the member acts through; absent when a verb runs outside a request (jobs, tests). */
  sessionId?: string;
};
export type ServiceCtx = MemberCtx & ServiceAccess;
export type PublicCtx = { db: Db; locale: Locale; client: ClientInfo };
