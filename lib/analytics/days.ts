import type { AnalyticsRange } from "./types";

/** UTC day arithmetic on "YYYY-MM-DD" keys (the form a PostgreSQL `date` takes and gives). */

const DAY_MS = 24 * 60 * 60 * 1000;

/** `at`'s UTC day, "YYYY-MM-DD". */
export function dayKey(at: Date): string {
  return new Date(Math.floor(at.getTime() / DAY_MS) * DAY_MS).toISOString().slice(0, 10);
}

/** Midnight UTC at the start of `day`. */
export function dayStart(day: string): Date {
  return new Date(`${day}T00:00:00.000Z`);
}

export function addDays(day: string, days: number): string {
  return dayKey(new Date(dayStart(day).getTime() + days * DAY_MS));
}

/** Every day from `from` to `to`, both included, oldest first. */
export function daysFrom(from: string, to: string): string[] {
  const days: string[] = [];
  for (let day = from; day <= to; day = addDays(day, 1)) days.push(day);
  return days;
}

export type Period = { from: string; to: string };

/**
 * The period a range shows: the last `range` UTC days, today (still in progress) included; and the
 * `range` days before it, for comparison.
 */
export function periodsOf(now: Date, range: AnalyticsRange): { current: Period; previous: Period } {
  const today = dayKey(now);
  const from = addDays(today, -(range - 1));
  return {
    current: { from, to: today },
    previous: { from: addDays(from, -range), to: addDays(from, -1) },
  };
}

/** "2026-12-07" → "Dec 7" (UTC), for chart axes and tables. */
export function dayLabel(day: string, style: "short" | "long" = "short"): string {
  return new Intl.DateTimeFormat("en-US", {
    month: "short",
    day: "numeric",
    year: style === "long" ? "numeric" : undefined,
    timeZone: "UTC",
  }).format(dayStart(day));
}
