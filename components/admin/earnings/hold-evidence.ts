/** A hold's evidence (EarningsHold.details, JSON) as sentences an admin reads. */
import { ADMIN_HOLD_REASONS, type HoldReason, integer } from "@/components/payouts/earnings-format";

type Details = Record<string, unknown>;

const count = (value: unknown) => (typeof value === "number" ? integer.format(value) : "?");
const plural = (value: unknown, word: string) => `${count(value)} ${word}${value === 1 ? "" : "s"}`;

function accountsLine(details: Details): string | null {
  const ids = Array.isArray(details.userIds) ? details.userIds.map(String) : [];
  if (ids.length === 0) return null;
  const shown = ids.slice(0, 5).join(", ");
  return `Accounts: ${shown}${ids.length > 5 ? ` and ${ids.length - 5} more` : ""}.`;
}

/** Each reason's details, written out; unknown shapes fall back to "key: value" pairs. */
export function holdEvidence(reason: HoldReason, details: unknown): string[] {
  const data: Details = details && typeof details === "object" ? (details as Details) : {};
  switch (reason) {
    case "MODERATION":
      return [
        `${typeof data.gptName === "string" ? `“${data.gptName}”` : "A GPT"} was removed by moderators; its share of the month is held in its own account until you decide.`,
      ];
    case "SIGNUP_CLUSTER":
      return [
        `${plural(data.accounts, "paying account")} created from one network, up to ${count(data.largestCluster)} within ${count(data.windowHours)} hours, used this creator's GPTs.`,
        accountsLine(data),
      ].filter((line): line is string => line !== null);
    case "MACHINE_REGULARITY":
      return [
        `${plural(data.accounts, "paying account")} whose only activity this month was this creator's GPTs, with answers at machine-like regular intervals.`,
        accountsLine(data),
      ].filter((line): line is string => line !== null);
    case "ANSWER_SPIKE": {
      const previous = Array.isArray(data.previousMonths)
        ? data.previousMonths.map(count).join(", ")
        : "?";
      return [
        `${plural(data.engagedAnswers, "engaged answer")} this month, against ${previous} in the months before.`,
      ];
    }
    default:
      return Object.entries(data).map(([key, value]) => `${key}: ${JSON.stringify(value)}`);
  }
}

export const holdReasonLabel = (reason: HoldReason) => ADMIN_HOLD_REASONS[reason] ?? reason;
