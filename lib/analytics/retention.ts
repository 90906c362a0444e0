import { addDays, type Period } from "./days";
import type { ReturningUsers } from "./types";

/**
 * Returning users, day 1 and day 7: the definition every figure of the dashboard follows.
 *
 * - A person's FIRST DAY is the first UTC day they got an answer (previews excluded) from any of
 *   the selected GPTs (one GPT, or all of the creator's), ever: not only within the period.
 * - They RETURNED ON DAY N when they got an answer from any of the selected GPTs on exactly their
 *   first day + N (the usual "N-day retention": day 1 is the next UTC day, day 7 a week later).
 * - A period's DAY-N COHORT is everyone whose first day + N falls inside the period and is over
 *   (before today, UTC): a day still in progress never counts as "did not return". The 7-day
 *   view's day-7 figure is therefore about people who first came 8 to 13 days ago.
 * - The RATE is returned / cohort; without a cohort there is no rate (null), not 0 %.
 */

/** How many people had their first day on `firstDay`, and how many of them came back. */
export type Cohort = {
  firstDay: string;
  users: number;
  returnedDay1: number;
  returnedDay7: number;
};

export const RETURN_DAYS = [1, 7] as const;
export type ReturnDay = (typeof RETURN_DAYS)[number];

/** The first days whose cohorts can count in a period: up to 7 days before its start. */
export function earliestCohortDay(period: Period): string {
  return addDays(period.from, -Math.max(...RETURN_DAYS));
}

/** Day-N returning users of `period`, from the cohorts by first day. */
export function returningUsers({
  cohorts,
  period,
  today,
  n,
}: {
  cohorts: Cohort[];
  period: Period;
  today: string;
  n: ReturnDay;
}): ReturningUsers {
  const lastCompleteDay = addDays(today, -1);
  const lastReturnDay = [period.to, lastCompleteDay].sort()[0] as string;
  let cohort = 0;
  let returned = 0;
  for (const row of cohorts) {
    const returnDay = addDays(row.firstDay, n);
    if (returnDay < period.from || returnDay > lastReturnDay) continue;
    cohort += row.users;
    returned += n === 1 ? row.returnedDay1 : row.returnedDay7;
  }
  return { cohort, returned, rate: cohort > 0 ? returned / cohort : null };
}

/** People whose first day falls in the period. */
export function newUsersIn(cohorts: Cohort[], period: Period): number {
  return cohorts
    .filter((row) => row.firstDay >= period.from && row.firstDay <= period.to)
    .reduce((sum, row) => sum + row.users, 0);
}

/**
 * The cohorts of a list of activity (who got an answer on which day), the definition above in
 * plain code: the SQL of lib/analytics/queries.ts computes the same from the rollups.
 */
export function cohortsOf(activity: { userId: string; day: string }[]): Cohort[] {
  const daysByUser = new Map<string, Set<string>>();
  for (const { userId, day } of activity) {
    const days = daysByUser.get(userId) ?? new Set<string>();
    days.add(day);
    daysByUser.set(userId, days);
  }
  const byFirstDay = new Map<string, Cohort>();
  for (const days of daysByUser.values()) {
    const firstDay = [...days].sort()[0] as string;
    const cohort = byFirstDay.get(firstDay) ?? {
      firstDay,
      users: 0,
      returnedDay1: 0,
      returnedDay7: 0,
    };
    cohort.users += 1;
    if (days.has(addDays(firstDay, 1))) cohort.returnedDay1 += 1;
    if (days.has(addDays(firstDay, 7))) cohort.returnedDay7 += 1;
    byFirstDay.set(firstDay, cohort);
  }
  return [...byFirstDay.values()].sort((a, b) => a.firstDay.localeCompare(b.firstDay));
}
