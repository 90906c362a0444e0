import type { CreatorAnalytics } from "./types";

const MICROS_PER_CENT = 10_000n;

/** Micro-dollars (decimal string) → "12.34": rounded to the cent, half away from zero. */
export function dollarsText(micros: string): string {
  const value = BigInt(micros);
  const absolute = value < 0n ? -value : value;
  const cents = (absolute + MICROS_PER_CENT / 2n) / MICROS_PER_CENT;
  const sign = value < 0n && cents > 0n ? "-" : "";
  return `${sign}${cents / 100n}.${String(cents % 100n).padStart(2, "0")}`;
}

/** Average stars to two decimals, or "" without reviews. */
export function averageRatingText(ratingSum: number, reviews: number): string {
  return reviews > 0 ? (ratingSum / reviews).toFixed(2) : "";
}

type Day = CreatorAnalytics["days"][number];

export const CSV_COLUMNS: [header: string, cell: (day: Day) => string][] = [
  ["Date (UTC)", (day) => day.day],
  ["Conversations", (day) => String(day.conversations)],
  ["Answers", (day) => String(day.answers)],
  ["Users", (day) => String(day.users)],
  ["Thumbs up", (day) => String(day.thumbsUp)],
  ["Thumbs down", (day) => String(day.thumbsDown)],
  ["Reviews", (day) => String(day.reviews)],
  ["Average rating", (day) => averageRatingText(day.ratingSum, day.reviews)],
  ["Knowledge misses", (day) => String(day.knowledgeMisses)],
  ["Action calls", (day) => String(day.actionCalls)],
  ["Action errors", (day) => String(day.actionErrors)],
  ["Earnings (USD)", (day) => dollarsText(day.earnedMicros)],
];

/**
 * RFC 4180: quote a field holding a comma, quote or line break, doubling its quotes. A field that
 * a spreadsheet would run as a formula (=, +, -, @ first) is prefixed with an apostrophe.
 */
export function csvField(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) && !/^-?\d/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

/** The per-day series as CSV (CRLF lines): a header row, then one row per day, oldest first. */
export function analyticsCsv(analytics: Pick<CreatorAnalytics, "days">): string {
  const lines = [
    CSV_COLUMNS.map(([header]) => header),
    ...analytics.days.map((day) => CSV_COLUMNS.map(([, cell]) => cell(day))),
  ];
  return lines.map((fields) => `${fields.map(csvField).join(",")}\r\n`).join("");
}

/** "atelier-analytics-all-gpts-30d-2026-12-07.csv" (the GPT's slug-safe name when one is shown). */
export function analyticsCsvFilename(
  analytics: Pick<CreatorAnalytics, "gptId" | "gpts" | "rangeDays" | "period">,
): string {
  const gptName = analytics.gptId
    ? analytics.gpts.find((gpt) => gpt.id === analytics.gptId)?.name
    : null;
  const scope = gptName
    ? gptName
        .toLowerCase()
        .replace(/[^a-z0-9]+/g, "-")
        .replace(/^-|-$/g, "") || "gpt"
    : "all-gpts";
  return `atelier-analytics-${scope}-${analytics.rangeDays}d-${analytics.period.to}.csv`;
}
