'use server';

import { serviceAction } from '@/lib/actions/action';
import { saveDraft } from '@/lib/drafts/save-draft';
import { saveDraftInput } from '@/lib/drafts/schemas';

/** Autosave of the reply box (no revalidation: nothing on screen changes). */
export const saveDraftAction = serviceAction(saveDraftInput, {}, async (input, ctx) => saveDraft(ctx, input));
