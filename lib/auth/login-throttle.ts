import type { RateRule } from '@/lib/rate-limit/hit';

/**
 * Failed logins per account (or per typed name when no account has it), in tiers that back
 * off: 5 in 15 minutes, then 10 in an hour, then 20 in a day. Unknown names are counted
 * exactly like known ones, so the answers never tell which logins exist.
 */
export function loginRules(subject: string): RateRule[] {
  return [
    { key: `login:acct:${subject}:15m`, limit: 5, windowSeconds: 15 * 60 },
    { key: `login:acct:${subject}:1h`, limit: 10, windowSeconds: 3600 },
    { key: `login:acct:${subject}:1d`, limit: 20, windowSeconds: 86400 },
  ];
}

/**
 * Failed logins from one address: guessing across many accounts. Successes do not count (a
 * CS team behind one NAT logs in dozens of times a morning). No rule without an address (the
 * app run without its server): one shared bucket for everyone would let anyone lock everybody out.
 */
export function ipRules(ip: string | null | undefined): RateRule[] {
  if (!ip) return [];
  const who = ip;
  return [
    { key: `login:ip:${who}:15m`, limit: 30, windowSeconds: 15 * 60 },
    { key: `login:ip:${who}:1d`, limit: 300, windowSeconds: 86400 },
  ];
}

/** The subject of an account's counters: its id when it exists, else the typed name. */
export const loginSubject = (memberId: string | null | undefined, typed: string) =>
  memberId ? `m:${memberId}` : `n:${typed.toLowerCase()}`;

/** The marker of a running 15-minute lockout (its window starts at the failure that caused it). */
export const lockKey = (subject: string) => `login:acct:${subject}:lock`;
export const LOCK_SECONDS = 15 * 60;

/** Keys an admin's unlock clears for a member. */
export const memberLoginKeys = (memberId: string) => [
  ...loginRules(loginSubject(memberId, '')).map((r) => r.key),
  lockKey(loginSubject(memberId, '')),
];
