/**
 * The thresholds behind the fraud signals (lib/payouts/fraud-signals.ts), as pure functions. A
 * signal only holds a creator's payouts for an admin to look at; it never takes money by itself,
 * so the thresholds lean towards flagging. docs/revenue-share.md lists them for creators.
 */

/** Paying accounts created from one network within this window… */
export const SIGNUP_CLUSTER_WINDOW_MS = 24 * 60 * 60 * 1000;
/** …this many or more, all using one creator's GPTs, is a cluster. */
export const SIGNUP_CLUSTER_MIN_ACCOUNTS = 3;

/** A user's answers in the month must be at least this many to judge their rhythm… */
export const REGULARITY_MIN_ANSWERS = 30;
/** …and the gaps between them this even (standard deviation / mean; people are bursty, ≥ 1). */
export const REGULARITY_MAX_VARIATION = 0.15;

/** A GPT's engaged answers this month at least this many… */
export const SPIKE_MIN_ANSWERS = 100;
/** …and this many times its monthly average over the closed months before (up to three). */
export const SPIKE_FACTOR = 5;
/** The average is taken as at least this, so a GPT with a tiny history is not flagged for 100. */
export const SPIKE_MIN_BASELINE = 20;

/** The largest number of instants that fit in one window of `windowMs`. */
export function largestClusterInWindow(instants: readonly Date[], windowMs: number): Date[] {
  const sorted = [...instants].sort((a, b) => a.getTime() - b.getTime());
  let best: Date[] = [];
  let first = 0;
  for (let last = 0; last < sorted.length; last++) {
    while (sorted[last].getTime() - sorted[first].getTime() > windowMs) first++;
    if (last - first + 1 > best.length) best = sorted.slice(first, last + 1);
  }
  return best;
}

/** Whether the gaps between a user's answers are machine-even. */
export function isMachineRegular({
  answers,
  meanGapSeconds,
  stddevGapSeconds,
}: {
  answers: number;
  meanGapSeconds: number;
  stddevGapSeconds: number;
}): boolean {
  if (answers < REGULARITY_MIN_ANSWERS || meanGapSeconds <= 0) return false;
  return stddevGapSeconds / meanGapSeconds <= REGULARITY_MAX_VARIATION;
}

/** Whether a GPT's engaged answers this month jump far above the months before (none: no). */
export function isAnswerSpike(current: number, history: readonly number[]): boolean {
  if (history.length === 0 || current < SPIKE_MIN_ANSWERS) return false;
  const average = history.reduce((sum, value) => sum + value, 0) / history.length;
  return current >= SPIKE_FACTOR * Math.max(average, SPIKE_MIN_BASELINE);
}
