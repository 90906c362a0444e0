import "server-only";
import { prisma } from "../db";
import { AppError } from "../errors";
import { secondsUntilNextUtcMidnight, utcDayStart } from "../limits/today";
import { consumeRateLimit } from "../security/rate-limit";
import type { EmbedSettings } from "./schemas";

/** Answers the widget of one GPT may start per minute, across all its visitors and sites. */
export const EMBED_GPT_PER_MINUTE = 60;
/**
 * One network address may get this many times the per-visitor hourly limit: a visitor who clears
 * their storage gets a new visitor id, not a fresh allowance, while a household or an office
 * behind one address still has room.
 */
export const EMBED_ADDRESS_FACTOR = 5;

export const DAILY_BUDGET_MESSAGE =
  "This assistant has reached its daily limit on this site. Try again tomorrow.";

/**
 * The widget's own limits, before the engine's (which meter the creator's plan and credits):
 * the creator's daily budget (answers today, UTC, counted from the EMBED usage events; answers
 * still streaming are not yet counted, so a burst at the boundary can overshoot by at most the
 * answers in flight), then the visitor's hourly allowance, the address's and the GPT's burst
 * limit (fixed windows shared by every app instance). Throws AppError "rate_limited" (429 with
 * Retry-After) saying which.
 */
export async function assertEmbedLimits({
  gptId,
  settings,
  visitorId,
  ip,
  now = new Date(),
}: {
  gptId: string;
  settings: Pick<EmbedSettings, "dailyMessageBudget" | "visitorMessagesPerHour">;
  visitorId: string;
  ip: string;
  now?: Date;
}): Promise<void> {
  const answeredToday = await prisma.usageEvent.count({
    where: { gptId, channel: "EMBED", createdAt: { gte: utcDayStart(now) } },
  });
  if (answeredToday >= settings.dailyMessageBudget) {
    throw new AppError("rate_limited", DAILY_BUDGET_MESSAGE, undefined, {
      retryAfterSeconds: secondsUntilNextUtcMidnight(now),
      details: { limit: "embed_daily" },
    });
  }
  const hourly = settings.visitorMessagesPerHour;
  const checks = [
    { key: `embed-visitor:${gptId}:${visitorId}`, limit: hourly, windowSeconds: 3600 },
    {
      key: `embed-address:${gptId}:${ip}`,
      limit: hourly * EMBED_ADDRESS_FACTOR,
      windowSeconds: 3600,
    },
  ];
  for (const check of checks) {
    const result = await consumeRateLimit(check);
    if (!result.isAllowed) throw tooFast(result.retryAfterSeconds, "embed_visitor");
  }
  const burst = await consumeRateLimit({
    key: `embed-gpt:${gptId}`,
    limit: EMBED_GPT_PER_MINUTE,
    windowSeconds: 60,
  });
  if (!burst.isAllowed) {
    throw new AppError(
      "rate_limited",
      `This assistant is getting a lot of messages right now. Try again in ${formatEmbedWait(burst.retryAfterSeconds)}.`,
      undefined,
      { retryAfterSeconds: burst.retryAfterSeconds, details: { limit: "embed_gpt" } },
    );
  }
}

/** "45 seconds", "1 minute", "38 minutes": the windows here are an hour at most. */
export function formatEmbedWait(seconds: number): string {
  const whole = Math.max(1, Math.ceil(seconds));
  if (whole < 60) return `${whole} ${whole === 1 ? "second" : "seconds"}`;
  const minutes = Math.ceil(whole / 60);
  return `${minutes} ${minutes === 1 ? "minute" : "minutes"}`;
}

function tooFast(retryAfterSeconds: number, limit: string): AppError {
  return new AppError(
    "rate_limited",
    `You're sending messages too fast. Try again in ${formatEmbedWait(retryAfterSeconds)}.`,
    undefined,
    { retryAfterSeconds, details: { limit } },
  );
}
