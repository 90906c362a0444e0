/**
 * Display helpers for money and token counts (client-safe). Amounts stay integer micro-dollars
 * everywhere else; only these functions turn them into text.
 */

const MICROS_PER_DOLLAR = 1_000_000;

/** A total such as the 30-day usage cost: cents when it is at least a cent, else more digits. */
export function formatMicrosAsUsd(micros: number): string {
  if (micros === 0) return "$0.00";
  const dollars = micros / MICROS_PER_DOLLAR;
  if (Math.abs(dollars) >= 0.01) {
    return new Intl.NumberFormat("en-US", { style: "currency", currency: "USD" }).format(dollars);
  }
  if (Math.abs(dollars) < 0.0001) return dollars > 0 ? "<$0.0001" : ">-$0.0001";
  return new Intl.NumberFormat("en-US", {
    style: "currency",
    currency: "USD",
    minimumFractionDigits: 2,
    maximumFractionDigits: 4,
  }).format(dollars);
}

/** A price per million tokens, exact to the micro-dollar: 150000 → "$0.15", 75000 → "$0.075". */
export function formatPricePerMillion(micros: number): string {
  return new Intl.NumberFormat("en-US", {
    style: "currency",
    currency: "USD",
    minimumFractionDigits: 2,
    maximumFractionDigits: 6,
  }).format(micros / MICROS_PER_DOLLAR);
}

/** 1234567 → "1.2M", 128000 → "128K", 950 → "950". */
export function formatTokenCount(tokens: number): string {
  return new Intl.NumberFormat("en-US", {
    notation: "compact",
    maximumFractionDigits: 1,
  }).format(tokens);
}
