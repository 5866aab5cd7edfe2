'use server';

import { publicAction } from '@/lib/actions/action';
import { acceptInvite } from '@/lib/members/accept-invite';
import { acceptInviteInput } from '@/lib/members/schemas';

// Public on purpose: the one-time invite token in the input is the credential, checked in acceptInvite.
export const acceptInviteAction = publicAction(acceptInviteInput, async (input, ctx) => acceptInvite(ctx, input));
