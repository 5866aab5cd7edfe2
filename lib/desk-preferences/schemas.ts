import { z } from 'zod';
import { LIST_COLUMNS } from '@/db/values';

export { DEFAULT_LIST_COLUMNS, LIST_COLUMNS, type ListColumn } from '@/db/values';

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
