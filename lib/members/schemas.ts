import { formCheckbox } from '@/lib/actions/form-data';
import { z } from 'zod';
import { passwordSchema } from '@/lib/auth/password';

const noControl = /^[^\p{Cc}]*$/u;

export const memberNameSchema = z
  .string()
  .trim()
  .min(1, { error: 'validation.required' })
  .max(100)
  .regex(noControl, { error: 'validation.controlChars' });
export const loginIdSchema = z
  .string()
  .trim()
  .min(1, { error: 'validation.required' })
  .max(50, { error: 'validation.loginIdRule' })
  .regex(/^[A-Za-z0-9][A-Za-z0-9._-]{2,49}$/, { error: 'validation.loginIdRule' })
  // An ID shaped like an e-mail would make "login ID or e-mail" ambiguous.
  .refine((v) => !v.includes('@'), { error: 'validation.loginIdRule' });
export const emailSchema = z
  .string()
  .min(1, { error: 'validation.required' })
  .max(254)
  .refine((v) => !/[\r\n]/.test(v), { error: 'validation.email' })
  .pipe(
    z
      .string()
      .trim()
      .toLowerCase()
      .pipe(z.email({ error: 'validation.email' })),
  );

export const inviteMemberInput = z.object({ name: memberNameSchema, loginId: loginIdSchema, email: emailSchema });
export type InviteMemberInput = z.output<typeof inviteMemberInput>;

export const memberIdInput = z.object({ memberId: z.uuid({ error: 'errors.notFound' }) });
export type MemberIdInput = z.output<typeof memberIdInput>;
/** 재발송 of a member's failed invite or password-reset mail. */
export const resendMemberMailInput = z.object({ deliveryId: z.uuid() });
export type ResendMemberMailInput = z.output<typeof resendMemberMailInput>;
/** 비활성화 / 재활성화 of a member. */
export const memberActiveInput = memberIdInput.extend({ active: formCheckbox });
export type MemberActiveInput = z.output<typeof memberActiveInput>;

export const acceptInviteInput = z
  .object({ token: z.string().min(10).max(200), password: passwordSchema, confirm: z.string() })
  .refine((v) => v.password === v.confirm, { error: 'validation.passwordMismatch', path: ['confirm'] });

export const localeInput = z.object({ locale: z.enum(['ko', 'en'], { error: 'validation.choice' }) });
export type LocaleInput = z.output<typeof localeInput>;
