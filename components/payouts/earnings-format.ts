/** Money, dates and words shared by Creator → Earnings and Admin → Earnings. */
import { formatCreditDollars } from "@/lib/billing/credit-price";

export const integer = new Intl.NumberFormat("en-US");

/** Micro-dollars (JSON carries them as decimal strings) → "$12.06", "$6.373334", "-$9.56". */
export const money = (micros: string | bigint) => formatCreditDollars(BigInt(micros));

/** Micro-dollars → whole cents as a number, for charts only (tables carry the exact amount). */
export const chartCents = (micros: string | bigint) => Number(BigInt(micros) / 10_000n);

export const compactUsd = new Intl.NumberFormat("en-US", {
  style: "currency",
  currency: "USD",
  notation: "compact",
  maximumFractionDigits: 1,
});

const longDateFormat = new Intl.DateTimeFormat("en-US", {
  month: "long",
  day: "numeric",
  year: "numeric",
  timeZone: "UTC",
});
const shortDateFormat = new Intl.DateTimeFormat("en-US", {
  month: "short",
  day: "numeric",
  year: "numeric",
  timeZone: "UTC",
});

/** An ISO instant → "December 31, 2026" (UTC, as the months are). */
export const longDate = (iso: string) => longDateFormat.format(new Date(iso));
/** An ISO instant or a "YYYY-MM-DD" day → "Dec 31, 2026". */
export const shortDate = (iso: string) => shortDateFormat.format(new Date(iso));

/** "2026-11" → "November 2026" or "Nov 26". */
export function monthName(month: string, style: "long" | "short" = "long"): string {
  const [year, index] = month.split("-").map(Number);
  return new Intl.DateTimeFormat("en-US", {
    month: style,
    year: style === "long" ? "numeric" : "2-digit",
    timeZone: "UTC",
  }).format(new Date(Date.UTC(year, index - 1, 1)));
}

export type HoldReason = "MODERATION" | "SIGNUP_CLUSTER" | "MACHINE_REGULARITY" | "ANSWER_SPIKE";

/** Why a hold exists, as the creator reads it (no evidence: that is for admins). */
export function creatorHoldReason(reason: HoldReason): { title: string; detail: string } {
  if (reason === "MODERATION") {
    return {
      title: "A GPT was removed by moderators",
      detail:
        "Its share of this month waits for an administrator's review: it is either released to your balance or returned to the platform.",
    };
  }
  return {
    title: "Payouts paused while we review unusual activity",
    detail:
      "Your balance keeps growing meanwhile. An administrator looks at the activity and either lets payouts continue or takes back the earnings from it.",
  };
}

/** The admin's short name for a hold's reason. */
export const ADMIN_HOLD_REASONS: Record<HoldReason, string> = {
  MODERATION: "GPT removed by moderators",
  SIGNUP_CLUSTER: "Sign-up cluster",
  MACHINE_REGULARITY: "Machine-like regularity",
  ANSWER_SPIKE: "Answer spike",
};

/** The payout's status in words and the badge it wears. */
export const PAYOUT_STATUS: Record<
  string,
  { label: string; variant: "success" | "warning" | "destructive" | "secondary" }
> = {
  PENDING: { label: "In transit", variant: "secondary" },
  PAID: { label: "Paid", variant: "success" },
  FAILED: { label: "Failed", variant: "destructive" },
};
