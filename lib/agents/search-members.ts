import { searchMembers } from '@/db/queries/members';
import type { ServiceCtx } from '@/lib/context';
import type { SearchMembersInput } from './schemas';

/** 상담원 검색: members by name, login ID or e-mail, a page at a time, with who is already an agent here. */
export async function searchServiceMembers(ctx: Pick<ServiceCtx, 'db' | 'service'>, input: SearchMembersInput) {
  return searchMembers(ctx.db, {
    serviceId: ctx.service.id,
    name: input.name,
    loginId: input.loginId,
    email: input.email,
    after: input.after,
  });
}
