'use server';

import { revalidatePath } from 'next/cache';
import { serviceAction } from '@/lib/actions/action';
import { addBannedWords } from '@/lib/banned-words/add-words';
import { deleteBannedWord } from '@/lib/banned-words/delete-word';
import { addBannedWordsInput, bannedWordIdInput, updateBannedWordInput } from '@/lib/banned-words/schemas';
import { updateBannedWord } from '@/lib/banned-words/update-word';

const admin = { role: 'admin' } as const;
const refresh = (serviceId: string) => revalidatePath(`/${serviceId}/settings/banned-words`);

export const addBannedWordsAction = serviceAction(addBannedWordsInput, admin, async (input, ctx) => {
  const r = await addBannedWords(ctx, input);
  refresh(ctx.service.id);
  return r;
});

export const updateBannedWordAction = serviceAction(updateBannedWordInput, admin, async (input, ctx) => {
  const r = await updateBannedWord(ctx, input);
  refresh(ctx.service.id);
  return { id: r.id, word: r.word };
});

export const deleteBannedWordAction = serviceAction(bannedWordIdInput, admin, async (input, ctx) => {
  const r = await deleteBannedWord(ctx, input);
  refresh(ctx.service.id);
  return r;
});
