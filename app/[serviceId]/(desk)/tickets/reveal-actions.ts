'use server';

import { serviceAction } from '@/lib/actions/action';
import { revealField } from '@/lib/pii/reveal-field';
import { revealFieldInput } from '@/lib/pii/schemas';

/** 보기 on the ticket screen: the verb checks who may reveal and writes the access-log row. */
export const revealFieldAction = serviceAction(revealFieldInput, {}, async (input, ctx) => revealField(ctx, input));
