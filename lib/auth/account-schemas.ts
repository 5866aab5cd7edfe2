import { z } from 'zod';
import { passwordSchema } from './password';

export const changePasswordInput = z
  .object({
    current: z.string().min(1, { error: 'validation.required' }).max(256),
    password: passwordSchema,
    confirm: z.string(),
  })
  .refine((v) => v.password === v.confirm, { error: 'validation.passwordMismatch', path: ['confirm'] });

export const requestResetInput = z.object({
  login: z.string().trim().min(1, { error: 'validation.required' }).max(200),
});

export const resetPasswordInput = z
  .object({ token: z.string().min(10).max(200), password: passwordSchema, confirm: z.string() })
  .refine((v) => v.password === v.confirm, { error: 'validation.passwordMismatch', path: ['confirm'] });
