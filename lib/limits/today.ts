/**
 * UTC day boundaries for the daily limits: the message allowance and the spend caps renew at
 * midnight UTC for everyone, whatever the server's or the user's time zone.
 */

const DAY_MS = 24 * 60 * 60 * 1000;

/** Midnight UTC at the start of `at`'s UTC day. */
export function utcDayStart(at: Date): Date {
  return new Date(Math.floor(at.getTime() / DAY_MS) * DAY_MS);
}

/** The next midnight UTC after `at` (when today's allowances renew). */
export function nextUtcMidnight(at: Date): Date {
  return new Date(utcDayStart(at).getTime() + DAY_MS);
}

/** `at`'s UTC day as "YYYY-MM-DD", the form a PostgreSQL `date` parameter takes. */
export function utcDayKey(at: Date): string {
  return utcDayStart(at).toISOString().slice(0, 10);
}

/** Whole seconds from `at` to the next midnight UTC (at least 1). */
export function secondsUntilNextUtcMidnight(at: Date): number {
  return secondsBetween(at, nextUtcMidnight(at));
}

/** Whole seconds from `from` until `to`, rounded up and at least 1: a wait never ends early. */
export function secondsBetween(from: Date, to: Date): number {
  return Math.max(1, Math.ceil((to.getTime() - from.getTime()) / 1000));
}

/** Midnight UTC on the first day of `at`'s UTC month (monthly allowances count from here). */
export function utcMonthStart(at: Date): Date {
  return new Date(Date.UTC(at.getUTCFullYear(), at.getUTCMonth(), 1));
}

/** Midnight UTC on the first day of the next UTC month (when monthly allowances renew). */
export function nextUtcMonthStart(at: Date): Date {
  return new Date(Date.UTC(at.getUTCFullYear(), at.getUTCMonth() + 1, 1));
}

/** `at`'s UTC month as its first day, "YYYY-MM-01". */
export function utcMonthKey(at: Date): string {
  return utcMonthStart(at).toISOString().slice(0, 10);
}
