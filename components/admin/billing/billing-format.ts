/** Money and month labels for Admin → Billing (micro-dollars arrive as decimal strings). */

export const integer = new Intl.NumberFormat("en-US");
export const compactUsd = new Intl.NumberFormat("en-US", {
  style: "currency",
  currency: "USD",
  notation: "compact",
  maximumFractionDigits: 1,
});

/** Micro-dollars (a decimal string) → cents, rounded half away from zero. */
export function centsOf(micros: string): bigint {
  const value = BigInt(micros);
  const cents = ((value < 0n ? -value : value) + 5_000n) / 10_000n;
  return value < 0n ? -cents : cents;
}

/** Cents → "$1,234.50" (bigint arithmetic: exact at any size). */
export function formatCents(cents: bigint): string {
  const absolute = cents < 0n ? -cents : cents;
  const sign = cents < 0n ? "-" : "";
  return `${sign}$${integer.format(absolute / 100n)}.${String(absolute % 100n).padStart(2, "0")}`;
}

export const formatUsd = (micros: string) => formatCents(centsOf(micros));

/** "2026-12" → a UTC month label, e.g. "December 2026" or "Dec 26". */
export function monthLabel(month: string, style: "long" | "short" = "long"): string {
  const [year, index] = month.split("-").map(Number);
  return new Intl.DateTimeFormat("en-US", {
    month: style,
    year: style === "long" ? "numeric" : "2-digit",
    timeZone: "UTC",
  }).format(new Date(Date.UTC(year, index - 1, 1)));
}
