/** UTC calendar months as "YYYY-MM" strings: the revenue pool's periods. */

const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;

export function isMonth(value: string): boolean {
  return MONTH.test(value);
}

/** The UTC month an instant falls in. */
export function monthOf(at: Date): string {
  return at.toISOString().slice(0, 7);
}

/** [start, end) of a month, as UTC instants. */
export function monthBounds(month: string): { start: Date; end: Date } {
  const match = MONTH.exec(month);
  if (!match) throw new RangeError(`Not a month: ${month}`);
  const year = Number(match[1]);
  const index = Number(match[2]) - 1;
  return { start: new Date(Date.UTC(year, index, 1)), end: new Date(Date.UTC(year, index + 1, 1)) };
}

export function nextMonth(month: string): string {
  return monthOf(monthBounds(month).end);
}

export function previousMonth(month: string): string {
  const { start } = monthBounds(month);
  return monthOf(new Date(start.getTime() - 1));
}

/** Months from `first` to `last` inclusive, oldest first (empty when first > last). */
export function monthsBetween(first: string, last: string): string[] {
  const months: string[] = [];
  for (let month = first; month <= last; month = nextMonth(month)) months.push(month);
  return months;
}

/** "November 2026". */
export function monthLabel(month: string): string {
  return monthBounds(month).start.toLocaleDateString("en-US", {
    month: "long",
    year: "numeric",
    timeZone: "UTC",
  });
}
