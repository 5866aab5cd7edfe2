import { z } from 'zod';
import { assign } from './assign';
import { callback } from './callback';
import { doorayAlert } from './dooray';
import { forward } from './forward';
import { notifyMail } from './notify-mail';
import type { ResultModule } from './result';
import { setGroup } from './set-group';
import { setIntakeType } from './set-intake-type';

export type { ResultModule, ResultContext } from './result';

/** Every result type, by its stored `type`; a type not here is refused on save and skipped on run. */
export const RESULTS: Readonly<Record<string, ResultModule>> = Object.fromEntries(
  [assign, setIntakeType, setGroup, notifyMail, forward, callback, doorayAlert].map((m) => [
    m.type,
    m as unknown as ResultModule,
  ]),
);
export const RESULT_TYPES = Object.keys(RESULTS);

/** Parses one result row with its type's schema; unknown types fail with `validation.triggers.resultType`. */
export function parseResult(row: unknown): z.ZodSafeParseResult<{ type: string } & Record<string, unknown>> {
  const type = typeof row === 'object' && row !== null ? (row as { type?: unknown }).type : undefined;
  const mod =
    typeof type === 'string' && Object.prototype.hasOwnProperty.call(RESULTS, type) ? RESULTS[type] : undefined;
  if (!mod)
    return z
      .object({ type: z.never({ error: 'validation.triggers.resultType' }) })
      .safeParse({ type: undefined }) as never;
  return mod.schema.safeParse(row) as z.ZodSafeParseResult<{ type: string } & Record<string, unknown>>;
}
