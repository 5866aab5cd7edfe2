import { z } from 'zod';

/** The ticket list's columns an agent may hide or show (번호 and 제목 always show). */
export const LIST_COLUMNS = ['requester', 'intake', 'status', 'priority', 'assignee', 'group', 'channel', 'createdAt'] as const;
export type ListColumn = (typeof LIST_COLUMNS)[number];
/** What a new agent sees: the list as it always was. */
export const DEFAULT_LIST_COLUMNS: ListColumn[] = ['requester', 'intake', 'status', 'priority', 'assignee', 'createdAt'];

export const SAVED_FILTER_NAME_MAX = 40;
/** Enough for every agent's habits; a bound on a runaway client. */
export const SAVED_FILTERS_MAX = 30;

export const saveFilterInput = z.object({
  name: z
    .string()
    .trim()
    .min(1, { error: 'validation.required' })
    .max(SAVED_FILTER_NAME_MAX)
    .regex(/^[^\p{Cc}]*$/u, { error: 'validation.controlChars' }),
  /** The list's query string as the page shows it; re-read and normalized before it is stored. */
  query: z.string().max(2000),
});

export const deleteFilterInput = z.object({ filterId: z.uuid({ error: 'errors.notFound' }) });

export const listColumnsInput = z.object({
  columns: z
    .array(z.enum(LIST_COLUMNS, { error: 'validation.choice' }))
    .max(LIST_COLUMNS.length)
    .transform((xs) => [...new Set(xs)]),
});
