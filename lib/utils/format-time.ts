/**
 * Times as people read them: "3 hours ago" (or "3 hr. ago" in the short style) and an absolute
 * "Dec 7, 2026, 6:10 PM" for a title. Rendered in the browser only, after data has loaded, so the
 * server's clock and the browser's never disagree during hydration.
 */
const relativeTimes = {
  long: new Intl.RelativeTimeFormat("en", { numeric: "auto" }),
  short: new Intl.RelativeTimeFormat("en", { numeric: "auto", style: "short" }),
};
const absoluteTime = new Intl.DateTimeFormat("en", { dateStyle: "medium", timeStyle: "short" });
const units: [Intl.RelativeTimeFormatUnit, number][] = [
  ["year", 365 * 24 * 3600],
  ["month", 30 * 24 * 3600],
  ["week", 7 * 24 * 3600],
  ["day", 24 * 3600],
  ["hour", 3600],
  ["minute", 60],
];

export function formatRelativeTime(
  iso: string,
  now = Date.now(),
  style: "long" | "short" = "long",
): string {
  const seconds = Math.round((new Date(iso).getTime() - now) / 1000);
  for (const [unit, size] of units) {
    if (Math.abs(seconds) >= size) {
      return relativeTimes[style].format(Math.round(seconds / size), unit);
    }
  }
  return "just now";
}

export function formatAbsoluteTime(iso: string): string {
  return absoluteTime.format(new Date(iso));
}
