import { z } from 'zod';

const uuid = z.uuid();

/** True for a UUID; ids from URLs are checked before they reach a uuid column. */
export function isUuid(v: unknown): v is string {
  return uuid.safeParse(v).success;
}
