const relativeTime = new Intl.RelativeTimeFormat("en", { numeric: "auto" });
const absoluteTime = new Intl.DateTimeFormat("en", { dateStyle: "medium", timeStyle: "short" });
const units: [Intl.RelativeTimeFormatUnit, number][] = [
  ["year", 365 * 24 * 3600],
  ["month", 30 * 24 * 3600],
  ["week", 7 * 24 * 3600],
  ["day", 24 * 3600],
  ["hour", 3600],
  ["minute", 60],
];

/** "3 hours ago"; only rendered in the browser (dialog content), so the clock cannot mismatch. */
export function formatRelativeTime(iso: string, now = Date.now()): string {
  const seconds = Math.round((new Date(iso).getTime() - now) / 1000);
  for (const [unit, size] of units) {
    if (Math.abs(seconds) >= size) return relativeTime.format(Math.round(seconds / size), unit);
  }
  return "just now";
}

export function formatAbsoluteTime(iso: string): string {
  return absoluteTime.format(new Date(iso));
}
