import { daysFrom, type Period } from "./days";
import { type Cohort, newUsersIn, returningUsers } from "./retention";
import type { AnalyticsDay, AnalyticsTotals } from "./types";

/** A day with nothing in it. */
export function emptyDay(day: string): AnalyticsDay {
  return {
    day,
    conversations: 0,
    answers: 0,
    users: 0,
    thumbsUp: 0,
    thumbsDown: 0,
    reviews: 0,
    ratingSum: 0,
    knowledgeMisses: 0,
    actionCalls: 0,
    actionErrors: 0,
    earnedMicros: "0",
  };
}

/** Every day of the period, oldest first, from the days that had something (any order). */
export function fillDays(period: Period, rows: AnalyticsDay[]): AnalyticsDay[] {
  const byDay = new Map(rows.map((row) => [row.day, row]));
  return daysFrom(period.from, period.to).map((day) => byDay.get(day) ?? emptyDay(day));
}

const ratio = (part: number, whole: number) => (whole > 0 ? part / whole : null);

/** A period's totals: sums of its days, plus what days cannot add up (people, returning users). */
export function totalsOf({
  days,
  period,
  users,
  cohorts,
  today,
  heldMicros,
}: {
  /** The period's days (only those in the period are counted). */
  days: AnalyticsDay[];
  period: Period;
  /** Distinct people over the period. */
  users: number;
  cohorts: Cohort[];
  today: string;
  heldMicros: bigint;
}): AnalyticsTotals {
  const inPeriod = days.filter((day) => day.day >= period.from && day.day <= period.to);
  const sum = (key: Exclude<keyof AnalyticsDay, "day" | "earnedMicros">) =>
    inPeriod.reduce((total, day) => total + day[key], 0);
  const thumbsUp = sum("thumbsUp");
  const thumbsDown = sum("thumbsDown");
  const reviews = sum("reviews");
  return {
    conversations: sum("conversations"),
    answers: sum("answers"),
    users,
    newUsers: newUsersIn(cohorts, period),
    returningDay1: returningUsers({ cohorts, period, today, n: 1 }),
    returningDay7: returningUsers({ cohorts, period, today, n: 7 }),
    thumbsUp,
    thumbsDown,
    thumbsUpRatio: ratio(thumbsUp, thumbsUp + thumbsDown),
    reviews,
    averageRating: ratio(sum("ratingSum"), reviews),
    knowledgeMisses: sum("knowledgeMisses"),
    actionCalls: sum("actionCalls"),
    actionErrors: sum("actionErrors"),
    earnedMicros: String(inPeriod.reduce((total, day) => total + BigInt(day.earnedMicros), 0n)),
    heldMicros: String(heldMicros),
  };
}

/** current vs previous as a fraction (0.25 = +25 %); null when there is nothing to compare with. */
export function relativeChange(current: number, previous: number): number | null {
  if (previous === 0) return null;
  return (current - previous) / previous;
}
