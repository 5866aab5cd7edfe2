'use server';

import { revalidatePath } from 'next/cache';
import { orgAction } from '@/lib/actions/action';
import { unlockMember } from '@/lib/auth/unlock-member';
import { inviteMember } from '@/lib/members/invite-member';
import { resendInvite } from '@/lib/members/resend-invite';
import { resendMemberMail } from '@/lib/members/resend-member-mail';
import { inviteMemberInput, memberActiveInput, memberIdInput, resendMemberMailInput } from '@/lib/members/schemas';
import { setMemberActive } from '@/lib/members/set-member-status';

export const inviteMemberAction = orgAction(inviteMemberInput, async (input, ctx) => {
  const result = await inviteMember(ctx, input);
  revalidatePath('/admin/members');
  return { ...result, email: input.email };
});

export const resendInviteAction = orgAction(memberIdInput, async (input, ctx) => {
  const result = await resendInvite(ctx, input);
  revalidatePath('/admin/members');
  return result;
});

/** 재발송 of a member's failed invite or password-reset mail (same Message-ID, same link). */
export const resendMemberMailAction = orgAction(resendMemberMailInput, async (input, ctx) => {
  const result = await resendMemberMail(ctx, input);
  revalidatePath('/admin/members');
  return result;
});

export const setMemberActiveAction = orgAction(memberActiveInput, async (input, ctx) => {
  const m = await setMemberActive(ctx, input);
  revalidatePath('/admin/members');
  return { id: m.id, status: m.status };
});

/** 잠금 해제: clears a member's failed-login counters (org admins only). */
export const unlockMemberAction = orgAction(memberIdInput, async (input, ctx) => {
  const result = await unlockMember(ctx, input);
  revalidatePath('/admin/members');
  return result;
});
