/**
 * Groups items (newest first) into the sidebar's date sections, by calendar day in the user's
 * time zone: Today, Yesterday, Previous 7 days, Previous 30 days, then one section per month
 * ("October 2026"). Pure: the caller passes `now` and the time zone.
 */
export type DateGroup<T> = { label: string; items: T[] };

const DAY_MS = 86_400_000;

function calendarDay(date: Date, timeZone: string): number {
  const parts = new Intl.DateTimeFormat("en-US", {
    timeZone,
    year: "numeric",
    month: "numeric",
    day: "numeric",
  }).formatToParts(date);
  const get = (type: string) => Number(parts.find((part) => part.type === type)?.value);
  return Date.UTC(get("year"), get("month") - 1, get("day")) / DAY_MS;
}

export function dateGroupLabel(date: Date, now: Date, timeZone: string): string {
  const daysAgo = calendarDay(now, timeZone) - calendarDay(date, timeZone);
  // A clock slightly ahead of ours (or of the server's) still counts as today.
  if (daysAgo <= 0) return "Today";
  if (daysAgo === 1) return "Yesterday";
  if (daysAgo <= 7) return "Previous 7 days";
  if (daysAgo <= 30) return "Previous 30 days";
  return new Intl.DateTimeFormat("en-US", { timeZone, month: "long", year: "numeric" }).format(
    date,
  );
}

export function groupByDate<T>(
  items: readonly T[],
  dateOf: (item: T) => string | Date,
  { now, timeZone }: { now: Date; timeZone: string },
): DateGroup<T>[] {
  const groups: DateGroup<T>[] = [];
  const byLabel = new Map<string, DateGroup<T>>();
  for (const item of items) {
    const label = dateGroupLabel(new Date(dateOf(item)), now, timeZone);
    let group = byLabel.get(label);
    if (!group) {
      group = { label, items: [] };
      byLabel.set(label, group);
      groups.push(group);
    }
    group.items.push(item);
  }
  return groups;
}
