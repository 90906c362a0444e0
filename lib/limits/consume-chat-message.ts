import "server-only";
import type { prisma } from "../db";
import { Prisma } from "../generated/prisma/client";
import type { ChatLimits } from "./chat-limits";
import { chatLimitError, dailyLimitMessage, rateLimitMessage } from "./limit-messages";
import {
  nextUtcMidnight,
  secondsBetween,
  secondsUntilNextUtcMidnight,
  utcDayKey,
  utcDayStart,
} from "./today";

/** Float slack: refilling 1/3 token three times must make one whole token. */
const EPSILON = 1e-9;

/**
 * Takes one message from the user's allowance, or throws AppError "rate_limited" saying which
 * limit refused and when it resets. Call it inside the turn's write-ahead transaction: a refusal
 * throws, the caller's transaction rolls back, and nothing of the turn (conversation, messages,
 * counters) is written.
 *
 * One statement does it all, so it is exact under any concurrency and across processes: the
 * upsert locks the user's row, refills the token bucket (capacity `burstMessages`, refilled at
 * `messagesPerMinute` per minute), restarts the day count on a new UTC day, and takes one token
 * and one daily message only when both allow. Clocks of several app servers may differ a little:
 * time never runs backwards for a row (no negative refill, refilledAt and day only move forward).
 */
export async function consumeChatMessage(
  tx: Prisma.TransactionClient,
  { userId, limits, now = new Date() }: { userId: string; limits: ChatLimits; now?: Date },
): Promise<void> {
  const taken = await tx.$queryRaw<{ dayCount: number }[]>(
    chatAllowanceUpsert({ userId, limits, now }),
  );
  if (taken.length > 0) return;
  throw await chatAllowanceRefusal(tx, { userId, limits, now });
}

/**
 * The statement consumeChatMessage runs: it returns one row when the message was allowed (and
 * taken), none when a limit refused it. The chat's write-ahead embeds it as the first step of its
 * single statement (lib/chat/engine/begin-turn.ts), so a refused turn writes nothing at all.
 * `onlyIf`, a SQL condition, takes nothing unless it holds (the conversation still exists).
 */
export function chatAllowanceUpsert({
  userId,
  limits,
  now,
  onlyIf = Prisma.sql`TRUE`,
}: {
  userId: string;
  limits: ChatLimits;
  now: Date;
  onlyIf?: Prisma.Sql;
}): Prisma.Sql {
  const burst = limits.burstMessages;
  const perSecond = limits.messagesPerMinute / 60;
  const daily = limits.dailyMessages;
  // Evaluated on the locked, latest row (a."…"); EXCLUDED is the row the INSERT proposed, whose
  // refilledAt and day are this turn's now and UTC day.
  const tokensNow = Prisma.sql`LEAST(${burst}::float8, a."tokens" + GREATEST(0,
    EXTRACT(EPOCH FROM EXCLUDED."refilledAt" - a."refilledAt")::float8) * ${perSecond}::float8)`;
  const sentToday = Prisma.sql`CASE WHEN a."day" >= EXCLUDED."day" THEN a."dayCount" ELSE 0 END`;
  return Prisma.sql`
    INSERT INTO "ChatAllowance" AS a ("userId", "tokens", "refilledAt", "day", "dayCount")
    SELECT ${userId}, ${burst}::float8 - 1, ${now.toISOString()}::timestamp(3),
      ${utcDayKey(now)}::date, 1
    WHERE ${onlyIf}
    ON CONFLICT ("userId") DO UPDATE SET
      "tokens" = GREATEST(0, ${tokensNow} - 1),
      "refilledAt" = GREATEST(a."refilledAt", EXCLUDED."refilledAt"),
      "day" = GREATEST(a."day", EXCLUDED."day"),
      "dayCount" = ${sentToday} + 1
    WHERE ${tokensNow} >= ${1 - EPSILON}::float8
      AND (${daily}::int = 0 OR ${sentToday} < ${daily}::int)
    RETURNING "dayCount"`;
}

/**
 * Refusals only: reads the row the upsert left alone to tell which limit refused, and until when.
 * Returns the AppError to throw.
 */
export async function chatAllowanceRefusal(
  tx: Prisma.TransactionClient | typeof prisma,
  { userId, limits, now }: { userId: string; limits: ChatLimits; now: Date },
) {
  const row = await tx.chatAllowance.findUnique({ where: { userId } });
  const dayCount = row && row.day >= utcDayStart(now) ? row.dayCount : 0;
  if (limits.dailyMessages > 0 && dayCount >= limits.dailyMessages) {
    return chatLimitError({
      limit: "daily",
      message: dailyLimitMessage({
        dailyMessages: limits.dailyMessages,
        secondsUntilReset: secondsUntilNextUtcMidnight(now),
      }),
      now,
      resetsAt: nextUtcMidnight(now),
    });
  }
  const perSecond = limits.messagesPerMinute / 60;
  const elapsedSeconds = row ? Math.max(0, now.getTime() - row.refilledAt.getTime()) / 1000 : 0;
  const tokens = row ? Math.min(limits.burstMessages, row.tokens + elapsedSeconds * perSecond) : 0;
  const waitSeconds = Math.max(0, 1 - tokens) / perSecond;
  const resetsAt = new Date(now.getTime() + Math.ceil(waitSeconds * 1000));
  return chatLimitError({
    limit: "rate",
    message: rateLimitMessage({ retryAfterSeconds: secondsBetween(now, resetsAt) }),
    now,
    resetsAt,
  });
}
