/**
 * What an operator must settle before a production start (NODE_ENV=production set by the
 * operator, as container images do; a plain `npm start` on a fresh machine leaves it unset and
 * keeps the one-command embedded default). Generated secrets and a fresh embedded database are
 * conveniences of one machine: on a second host they would silently mean different session
 * secrets, unreadable PII, or an empty desk beside the real one.
 */
export function productionStartProblems(
  env: Record<string, string | undefined>,
  opts: { embeddedHasData: boolean },
): string[] {
  if (env.NODE_ENV !== 'production') return [];
  const problems: string[] = [];
  if (!env.NEXTAUTH_SECRET)
    problems.push(
      'NEXTAUTH_SECRET is not set: every instance must sign sessions with the same secret (openssl rand -base64 32).',
    );
  if (!env.APP_ENCRYPTION_KEY)
    problems.push(
      'APP_ENCRYPTION_KEY is not set: set the master key of encrypted personal data explicitly and back it up (openssl rand -base64 32).',
    );
  if (!env.DATABASE_URL && !opts.embeddedHasData && env.ALLOW_EMBEDDED_DB !== '1') {
    problems.push(
      'DATABASE_URL is not set and there is no embedded database here yet: set DATABASE_URL to the shared PostgreSQL, or ALLOW_EMBEDDED_DB=1 to start a new embedded one on this host.',
    );
  }
  return problems;
}
