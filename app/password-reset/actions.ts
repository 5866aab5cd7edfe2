'use server';

import { publicAction } from '@/lib/actions/action';
import { requestResetInput, resetPasswordInput } from '@/lib/auth/account-schemas';
import { requestPasswordReset, resetPassword } from '@/lib/auth/password-reset';

// Public on purpose: anyone may ask; the answer never says whether the login exists, and
// limits per address and per login keep the form from flooding a mailbox.
export const requestPasswordResetAction = publicAction(requestResetInput, async (input, ctx) =>
  requestPasswordReset(ctx, input),
);

// Public on purpose: the single-use reset token in the input is the credential, checked in resetPassword.
export const resetPasswordAction = publicAction(resetPasswordInput, async (input, ctx) => resetPassword(ctx, input));
