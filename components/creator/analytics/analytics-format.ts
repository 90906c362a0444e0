/** Number, money, percentage and change labels of the creator analytics dashboard. */

import { relativeChange } from "@/lib/analytics/summarize";

const percent = new Intl.NumberFormat("en-US", { style: "percent", maximumFractionDigits: 0 });

// Money is shown exactly as Admin → Billing shows it.
export { centsOf, compactUsd, formatUsd, integer } from "@/components/admin/billing/billing-format";

export const formatPercent = (ratio: number | null) =>
  ratio === null ? "–" : percent.format(ratio);

export const formatRating = (rating: number | null) => (rating === null ? "–" : rating.toFixed(1));

export type Change = { text: string; direction: "up" | "down" | "flat" } | null;

const directionOf = (delta: number): "up" | "down" | "flat" =>
  delta > 0 ? "up" : delta < 0 ? "down" : "flat";

/** A count or an amount: "+12 %" against the previous period, null when it had nothing. */
export function countChange(current: number, previous: number): Change {
  const change = relativeChange(current, previous);
  if (change === null) return null;
  const rounded = Math.round(change * 100);
  return { text: `${rounded > 0 ? "+" : ""}${rounded}%`, direction: directionOf(rounded) };
}

/** A ratio: the difference in percentage points. */
export function pointsChange(current: number | null, previous: number | null): Change {
  if (current === null || previous === null) return null;
  const points = Math.round((current - previous) * 100);
  return { text: `${points > 0 ? "+" : ""}${points} pts`, direction: directionOf(points) };
}

/** Stars: the difference in stars, one decimal. */
export function starsChange(current: number | null, previous: number | null): Change {
  if (current === null || previous === null) return null;
  const delta = Math.round((current - previous) * 10) / 10;
  return {
    text: `${delta > 0 ? "+" : ""}${delta.toFixed(1)} ★`,
    direction: directionOf(delta),
  };
}

/** "14:20 UTC on Dec 7": a server time shown the same on the server and in any browser. */
export function utcTimeLabel(iso: string): string {
  const date = new Date(iso);
  const time = `${String(date.getUTCHours()).padStart(2, "0")}:${String(date.getUTCMinutes()).padStart(2, "0")}`;
  const day = new Intl.DateTimeFormat("en-US", {
    month: "short",
    day: "numeric",
    timeZone: "UTC",
  }).format(date);
  return `${time} UTC on ${day}`;
}
