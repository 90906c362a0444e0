/**
 * Sign-in throttling, per the OWASP authentication guidance: failures are counted per email *and*
 * client address, and past a few free ones each attempt from that address must wait longer than
 * the last (10 s, 20 s, 40 s … up to 15 minutes). Someone guessing a password from their address
 * slows to a crawl; the owner signing in from theirs is never locked out by it. Pure;
 * sign-in-throttle.ts applies it to the stored count under a row lock.
 */
export const FREE_FAILURES = 5;
export const FIRST_DELAY_SECONDS = 10;
export const MAX_DELAY_SECONDS = 15 * 60;
/** Failures older than this are forgotten: the next failure counts as the first. */
export const FAILURE_MEMORY_HOURS = 24;

/** Seconds the next attempt must wait after `failures` consecutive failures. */
export function delayAfterFailures(failures: number): number {
  if (failures < FREE_FAILURES) return 0;
  return Math.min(FIRST_DELAY_SECONDS * 2 ** (failures - FREE_FAILURES), MAX_DELAY_SECONDS);
}

/** "Please wait 40 seconds" / "3 minutes": the wait in the refusal message. */
export function waitPhrase(seconds: number): string {
  if (seconds < 60) return `${seconds} second${seconds === 1 ? "" : "s"}`;
  const minutes = Math.ceil(seconds / 60);
  return `${minutes} minute${minutes === 1 ? "" : "s"}`;
}
