import { AppError } from "../errors";
import { secondsBetween } from "./today";

/** Which chat limit refused a message; sent to the client as `details.limit`. */
export type ChatLimitKind = "rate" | "daily" | "gpt_spend" | "instance_spend";

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

export function dailyLimitMessage({
  dailyMessages,
  secondsUntilReset,
}: {
  dailyMessages: number;
  secondsUntilReset: number;
}): string {
  const renew = dailyMessages === 1 ? "It renews" : "They renew";
  return `You've used today's ${plural(dailyMessages, "message", "messages")}. ${renew} at midnight UTC, in ${formatWait(secondsUntilReset)}.`;
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
}: {
  limit: ChatLimitKind;
  message: string;
  now: Date;
  resetsAt: Date;
}): AppError {
  return new AppError("rate_limited", message, undefined, {
    retryAfterSeconds: secondsBetween(now, resetsAt),
    details: { limit, resetsAt: resetsAt.toISOString() },
  });
}
