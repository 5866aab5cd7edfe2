/**
 * What may be logged of an error: its class, its message up to any query parameters, and the
 * database error code. Drizzle's "Failed query: … params: …" embeds every bound value
 * (names, e-mails, message bodies) and PostgreSQL's `detail` repeats key values, so neither
 * reaches a log. Query strings of URLs are cut too.
 */
export function safeError(err: unknown): string {
  if (!(err instanceof Error)) return typeof err === 'string' ? err.slice(0, 200).replace(/\?\S*/g, '?…') : typeof err;
  const message = err.message
    .split(/\nparams:/)[0]
    .replace(/(https?:\/\/[^\s?#]+)\?\S*/g, '$1?…')
    .slice(0, 500);
  const cause = (err as { cause?: { code?: string; name?: string } }).cause;
  const code = (err as { code?: string }).code ?? cause?.code;
  return `${err.name}: ${message}${code ? ` [${code}]` : ''}`;
}

/** A short id a user can read off the error page and the logs can be searched for. */
export function errorDigest(): string {
  return Math.random().toString(36).slice(2, 10);
}
