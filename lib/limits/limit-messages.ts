import { formatCreditDollars } from "../billing/credit-price";
import { AppError } from "../errors";
import { secondsBetween } from "./today";

/** Which chat limit refused a message; sent to the client as `details.limit`. */
export type ChatLimitKind =
  | "rate"
  | "daily"
  | "monthly"
  | "premium_model"
  | "gpt_spend"
  | "instance_spend";

const plural = (count: number, one: string, many: string) =>
  `${count.toLocaleString("en-US")} ${count === 1 ? one : many}`;

/**
 * A wait for people: "12 seconds", "3 min", "5 h 12 min". Rounded up, so a retry at the time it
 * names succeeds.
 */
export function formatWait(seconds: number): string {
  const whole = Math.max(1, Math.ceil(seconds));
  if (whole < 60) return plural(whole, "second", "seconds");
  const minutes = Math.ceil(whole / 60);
  if (minutes < 60) return `${minutes} min`;
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  return rest === 0 ? `${hours} h` : `${hours} h ${rest} min`;
}

export function rateLimitMessage({ retryAfterSeconds }: { retryAfterSeconds: number }): string {
  return `You're sending messages too quickly. Try again in ${formatWait(retryAfterSeconds)}.`;
}

/** What a paid plan or a credit pack would change, when billing is on. */
const upgradeHint = (canUpgrade: boolean) =>
  canUpgrade
    ? " Upgrade your plan or buy credits in Settings → Plan & billing to keep chatting."
    : "";

/**
 * Past the allowance, credits pay, when there are enough for an answer from this model: said
 * after the allowance message when some are left but too few.
 */
export function creditsShortMessage({
  availableMicros,
  neededMicros,
  modelName,
}: {
  availableMicros: bigint;
  neededMicros: bigint;
  modelName: string;
}): string {
  return ` Your credits (${formatCreditDollars(availableMicros)}) don't cover an answer from ${modelName}, which needs ${formatCreditDollars(neededMicros)} available.`;
}

export function dailyLimitMessage({
  dailyMessages,
  planName,
  secondsUntilReset,
  canUpgrade = false,
  creditsShort = "",
}: {
  dailyMessages: number;
  /** The plan whose allowance it is; omitted, the message names no plan. */
  planName?: string;
  secondsUntilReset: number;
  canUpgrade?: boolean;
  /** creditsShortMessage(), when the user has some credits but too few. */
  creditsShort?: string;
}): string {
  const renew = dailyMessages === 1 ? "It renews" : "They renew";
  const of = planName ? ` on the ${planName} plan` : "";
  return `You've used today's ${plural(dailyMessages, "message", "messages")}${of}. ${renew} at midnight UTC, in ${formatWait(secondsUntilReset)}.${creditsShort}${upgradeHint(canUpgrade)}`;
}

export function monthlyLimitMessage({
  monthlyMessages,
  planName,
  resetsAt,
  canUpgrade = false,
  creditsShort = "",
}: {
  monthlyMessages: number;
  planName: string;
  resetsAt: Date;
  canUpgrade?: boolean;
  /** creditsShortMessage(), when the user has some credits but too few. */
  creditsShort?: string;
}): string {
  const renew = monthlyMessages === 1 ? "It renews" : "They renew";
  const day = resetsAt.toLocaleDateString("en-US", {
    month: "long",
    day: "numeric",
    timeZone: "UTC",
  });
  return `You've used this month's ${plural(monthlyMessages, "message", "messages")} on the ${planName} plan. ${renew} on ${day} (UTC).${creditsShort}${upgradeHint(canUpgrade)}`;
}

export function premiumModelMessage({
  modelName,
  planName,
  canUpgrade,
}: {
  modelName: string;
  planName: string;
  canUpgrade: boolean;
}): string {
  return canUpgrade
    ? `${modelName} is a premium model, not included in the ${planName} plan. Upgrade in Settings → Plan & billing to use it.`
    : `${modelName} is a premium model, not included in the ${planName} plan.`;
}

export function gptSpendLimitMessage({
  gptName,
  secondsUntilReset,
}: {
  /** The GPT's name when the caller has it; "This GPT" otherwise. */
  gptName?: string;
  secondsUntilReset: number;
}): string {
  return `${gptName?.trim() || "This GPT"} has reached its usage limit for today. It can answer again at midnight UTC, in ${formatWait(secondsUntilReset)}.`;
}

export function instanceSpendLimitMessage({
  secondsUntilReset,
}: {
  secondsUntilReset: number;
}): string {
  return `This Atelier instance has reached its daily usage limit. Chats resume at midnight UTC, in ${formatWait(secondsUntilReset)}.`;
}

/**
 * The one error every chat limit refusal throws: HTTP 429 with Retry-After, and `limit` and
 * `resetsAt` (ISO) in the JSON error so the client can say which limit and count down.
 */
export function chatLimitError({
  limit,
  message,
  now,
  resetsAt,
  canUpgrade,
}: {
  limit: ChatLimitKind;
  message: string;
  now: Date;
  /** Null when waiting does not help (a premium model needs another plan). */
  resetsAt: Date | null;
  /** Plan limits: whether a paid plan could lift it (billing is on), so the client offers it. */
  canUpgrade?: boolean;
}): AppError {
  return new AppError("rate_limited", message, undefined, {
    ...(resetsAt ? { retryAfterSeconds: secondsBetween(now, resetsAt) } : {}),
    details: {
      limit,
      resetsAt: resetsAt?.toISOString() ?? null,
      ...(canUpgrade === undefined ? {} : { canUpgrade }),
    },
  });
}
