/**
 * Dollar amounts typed by people ↔ integer micro-dollars, by string and BigInt arithmetic only:
 * "0.1" is exactly 100,000 micro-dollars, never 99,999.99… from a float.
 */

const MICROS_PER_DOLLAR = 1_000_000n;
/** The largest cap the settings accept: $1,000,000,000, i.e. 10^15 micro-dollars (a safe number). */
export const MAX_DOLLARS = 1_000_000_000;

const AMOUNT = /^\$?(\d{1,3}(?:,\d{3})+|\d*)(?:\.(\d*))?$/;

export type ParsedDollars = { isValid: true; micros: bigint } | { isValid: false; error: string };

/**
 * "20", "20.5", "$1,250.00", ".75" → micro-dollars. Refuses negatives, more than six decimals
 * (finer than a micro-dollar), anything that is not a plain amount, and more than MAX_DOLLARS.
 */
export function parseDollars(raw: string): ParsedDollars {
  const text = raw.trim().replace(/\s+/g, "");
  if (text === "") return { isValid: false, error: "Enter an amount in dollars, e.g. 20.00." };
  if (/^-|^\$-/.test(text)) return { isValid: false, error: "Use 0 or more; 0 means no cap." };
  const match = AMOUNT.exec(text);
  const whole = match?.[1]?.replaceAll(",", "") ?? "";
  const fraction = match?.[2] ?? "";
  if (!match || (whole === "" && fraction === "")) {
    return { isValid: false, error: "Enter an amount in dollars, e.g. 20.00." };
  }
  if (fraction.length > 6) {
    return { isValid: false, error: "Use at most 6 decimal places (a micro-dollar)." };
  }
  const micros = BigInt(whole || "0") * MICROS_PER_DOLLAR + BigInt(fraction.padEnd(6, "0"));
  if (micros > BigInt(MAX_DOLLARS) * MICROS_PER_DOLLAR) {
    return { isValid: false, error: `At most $${MAX_DOLLARS.toLocaleString("en-US")}.` };
  }
  return { isValid: true, micros };
}

/** Micro-dollars → "20.00", "0.125", "1250.50": cents always, further decimals only when set. */
export function formatDollars(micros: bigint | number): string {
  const value = BigInt(micros);
  const sign = value < 0n ? "-" : "";
  const absolute = value < 0n ? -value : value;
  const whole = absolute / MICROS_PER_DOLLAR;
  const fraction = (absolute % MICROS_PER_DOLLAR).toString().padStart(6, "0").replace(/0+$/, "");
  return `${sign}${whole}.${fraction.padEnd(2, "0")}`;
}

export type ParsedCents = { isValid: true; cents: number } | { isValid: false; error: string };

/** A price as typed ("9", "$19.99") → whole cents (Stripe's unit); fractions of a cent refused. */
export function parseWholeCents(raw: string): ParsedCents {
  const parsed = parseDollars(raw);
  if (!parsed.isValid) return parsed;
  if (parsed.micros % 10_000n !== 0n)
    return { isValid: false, error: "Use whole cents, e.g. 19.99." };
  return { isValid: true, cents: Number(parsed.micros / 10_000n) };
}
