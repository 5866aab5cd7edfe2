'use server';

import { revalidatePath } from 'next/cache';
import { serviceAction } from '@/lib/actions/action';
import { deleteFilter } from '@/lib/desk-preferences/delete-filter';
import { saveFilter } from '@/lib/desk-preferences/save-filter';
import { deleteFilterInput, listColumnsInput, saveFilterInput } from '@/lib/desk-preferences/schemas';
import { setListColumns } from '@/lib/desk-preferences/set-list-columns';
import { matchingTicketIds } from '@/lib/tickets/matching-ids';
import { matchingIdsInput } from '@/lib/tickets/schemas';

const listPage = (id: string) => revalidatePath(`/${id}/tickets`);

/** 필터 저장: my named filter of the ticket list (per agent, per service). */
export const saveFilterAction = serviceAction(saveFilterInput, {}, async (input, ctx) => {
  const row = await saveFilter(ctx, input);
  listPage(ctx.service.id);
  return row;
});

export const deleteFilterAction = serviceAction(deleteFilterInput, {}, async (input, ctx) => {
  const r = await deleteFilter(ctx, input);
  listPage(ctx.service.id);
  return r;
});

/** 표시 항목: the list columns I show, remembered on the server. */
export const setListColumnsAction = serviceAction(listColumnsInput, {}, async (input, ctx) => {
  const columns = await setListColumns(ctx, input);
  listPage(ctx.service.id);
  return { columns };
});

/** The ids behind "이 조건의 티켓 모두 선택", for a bulk run over more than one page. */
export const matchingTicketIdsAction = serviceAction(matchingIdsInput, {}, async (input, ctx) =>
  matchingTicketIds(ctx, input),
);
