import "server-only";
import { creditHoldBounds, type PricedModel } from "../billing/credit-price";
import { entitlementSql, getEntitlement } from "../billing/entitlement";
import { isBillingEnabled } from "../billing/stripe";
import { prisma } from "../db";
import { type ChatAllowance, Prisma } from "../generated/prisma/client";
import type { ChatLimits } from "./chat-limits";
import {
  chatLimitError,
  creditsShortMessage,
  dailyLimitMessage,
  monthlyLimitMessage,
  premiumModelMessage,
  rateLimitMessage,
} from "./limit-messages";
import {
  nextUtcMidnight,
  nextUtcMonthStart,
  secondsBetween,
  secondsUntilNextUtcMidnight,
  utcDayKey,
  utcDayStart,
  utcMonthKey,
  utcMonthStart,
} from "./today";

/** Float slack: refilling 1/3 token three times must make one whole token. */
const EPSILON = 1e-9;

/**
 * Takes one message from the user's allowance, or throws AppError "rate_limited" saying which
 * limit refused and when it resets. Stand-alone form of the step the chat's write-ahead embeds
 * (lib/chat/engine/begin-turn.ts); tests use it to check the rules on their own.
 */
export async function consumeChatMessage(
  tx: Prisma.TransactionClient,
  {
    userId,
    limits,
    now = new Date(),
    model = null,
  }: { userId: string; limits: ChatLimits; now?: Date; model?: PremiumModel | null },
): Promise<void> {
  const taken = await tx.$queryRaw<{ dayCount: number }[]>(Prisma.sql`
    WITH entitlement AS (${entitlementSql({ userId, now, pastDueGraceDays: limits.pastDueGraceDays })})
    ${chatAllowanceUpsert({ userId, limits, now, model })}`);
  if (taken.length > 0) return;
  throw await chatAllowanceRefusal({ userId, limits, now, model }, tx);
}

/** The answering model, when it matters to the allowance (premium models need a plan that allows them). */
export type PremiumModel = { displayName: string; isPremium: boolean };

/** What the refusal says about credits: the model's prices set how much an answer needs. */
type RefusedModel = PremiumModel & Partial<PricedModel>;

/**
 * The statement that takes one message: it returns one row when the message was allowed (and
 * taken), none when a limit refused it. It reads the user's plan from a CTE named `entitlement`
 * (lib/billing/entitlement.ts) that the caller's WITH defines. The chat's write-ahead embeds it as
 * the first step of its single statement, so a refused turn writes nothing at all. `onlyIf`, a SQL
 * condition, takes nothing unless it holds (the conversation still exists).
 *
 * One statement, so it is exact under any concurrency and across processes: the upsert locks the
 * user's row, refills the token bucket (capacity `burstMessages`, refilled at `messagesPerMinute`
 * per minute), restarts the day and month counts on a new UTC day or month, and takes one token,
 * one daily and one monthly message only when all allow (or, past the allowance, when credits
 * cover it: the counts then go past the plan's, which is how the row says "on credits"). Clocks of several app servers may differ
 * a little: time never runs backwards for a row (no negative refill; refilledAt, day and month
 * only move forward).
 */
export function chatAllowanceUpsert({
  userId,
  limits,
  now,
  model = null,
  onlyIf = Prisma.sql`TRUE`,
  creditsCover = Prisma.sql`FALSE`,
}: {
  userId: string;
  limits: ChatLimits;
  now: Date;
  model?: PremiumModel | null;
  onlyIf?: Prisma.Sql;
  /**
   * A SQL condition: the user's prepaid credits can pay for this message when the plan's daily or
   * monthly allowance is used up. The returned row then says `onCredits`, and the caller holds
   * the credits in the same statement (lib/chat/engine/begin-turn.ts).
   */
  creditsCover?: Prisma.Sql;
}): Prisma.Sql {
  const burst = limits.burstMessages;
  const perSecond = limits.messagesPerMinute / 60;
  const daily = Prisma.sql`(SELECT "dailyMessages" FROM entitlement)`;
  const monthly = Prisma.sql`(SELECT "monthlyMessages" FROM entitlement)`;
  const modelAllowed = model?.isPremium
    ? Prisma.sql`(SELECT "allowsPremiumModels" FROM entitlement)`
    : Prisma.sql`EXISTS (SELECT 1 FROM entitlement)`;
  // Evaluated on the locked, latest row (a."…"); EXCLUDED is the row the INSERT proposed, whose
  // refilledAt, day and month are this turn's now, UTC day and UTC month.
  const tokensNow = Prisma.sql`LEAST(${burst}::float8, a."tokens" + GREATEST(0,
    EXTRACT(EPOCH FROM EXCLUDED."refilledAt" - a."refilledAt")::float8) * ${perSecond}::float8)`;
  const sentToday = Prisma.sql`CASE WHEN a."day" >= EXCLUDED."day" THEN a."dayCount" ELSE 0 END`;
  const sentThisMonth = Prisma.sql`CASE WHEN a."month" >= EXCLUDED."month" THEN a."monthCount" ELSE 0 END`;
  return Prisma.sql`
    INSERT INTO "ChatAllowance" AS a ("userId", "tokens", "refilledAt", "day", "dayCount", "month", "monthCount")
    SELECT ${userId}, ${burst}::float8 - 1, ${now.toISOString()}::timestamp(3),
      ${utcDayKey(now)}::date, 1, ${utcMonthKey(now)}::date, 1
    WHERE ${onlyIf} AND ${modelAllowed}
    ON CONFLICT ("userId") DO UPDATE SET
      "tokens" = GREATEST(0, ${tokensNow} - 1),
      "refilledAt" = GREATEST(a."refilledAt", EXCLUDED."refilledAt"),
      "day" = GREATEST(a."day", EXCLUDED."day"),
      "dayCount" = ${sentToday} + 1,
      "month" = GREATEST(a."month", EXCLUDED."month"),
      "monthCount" = ${sentThisMonth} + 1
    WHERE ${tokensNow} >= ${1 - EPSILON}::float8
      AND (((${daily} = 0 OR ${sentToday} < ${daily})
          AND (${monthly} = 0 OR ${sentThisMonth} < ${monthly}))
        OR ${creditsCover})
    RETURNING "dayCount",
      (${daily} > 0 AND "dayCount" > ${daily}) OR (${monthly} > 0 AND "monthCount" > ${monthly})
        AS "onCredits"`;
}

/**
 * Refusals only: reads the user's plan and the row the upsert left alone to tell which limit
 * refused, and until when. Returns the AppError to throw.
 */
export async function chatAllowanceRefusal(
  {
    userId,
    limits,
    now,
    model = null,
  }: {
    userId: string;
    limits: ChatLimits;
    now: Date;
    model?: RefusedModel | null;
  },
  db: Prisma.TransactionClient = prisma,
) {
  const { plan } = await getEntitlement(
    { userId, now, pastDueGraceDays: limits.pastDueGraceDays },
    db,
  );
  const canUpgrade = isBillingEnabled();
  if (model?.isPremium && !plan.allowsPremiumModels) {
    return chatLimitError({
      limit: "premium_model",
      message: premiumModelMessage({
        modelName: model.displayName,
        planName: plan.name,
        canUpgrade,
      }),
      now,
      resetsAt: null,
      canUpgrade,
    });
  }
  const row = await db.chatAllowance.findUnique({ where: { userId } });
  const creditsShort = await creditsShortOf({ userId, limits, model }, db);
  const { today: dayCount, thisMonth: monthCount } = allowanceUsed(row, now);
  if (plan.dailyMessages > 0 && dayCount >= plan.dailyMessages) {
    return chatLimitError({
      limit: "daily",
      message: dailyLimitMessage({
        dailyMessages: plan.dailyMessages,
        planName: plan.name,
        secondsUntilReset: secondsUntilNextUtcMidnight(now),
        canUpgrade,
        creditsShort,
      }),
      now,
      resetsAt: nextUtcMidnight(now),
      canUpgrade,
    });
  }
  if (plan.monthlyMessages > 0 && monthCount >= plan.monthlyMessages) {
    const resetsAt = nextUtcMonthStart(now);
    return chatLimitError({
      limit: "monthly",
      message: monthlyLimitMessage({
        monthlyMessages: plan.monthlyMessages,
        planName: plan.name,
        resetsAt,
        canUpgrade,
        creditsShort,
      }),
      now,
      resetsAt,
      canUpgrade,
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

/**
 * Messages a user has sent today and this month, as of `now`, from their ChatAllowance row (whose
 * counts restart only when the next message is taken).
 */
export function allowanceUsed(
  row: Pick<ChatAllowance, "day" | "dayCount" | "month" | "monthCount"> | null,
  now: Date,
): { today: number; thisMonth: number } {
  return {
    today: row && row.day >= utcDayStart(now) ? row.dayCount : 0,
    thisMonth: row?.month && row.month >= utcMonthStart(now) ? row.monthCount : 0,
  };
}

/** "Your credits ($0.004) don't cover…" when the user has credits, but fewer than an answer needs. */
async function creditsShortOf(
  { userId, limits, model }: { userId: string; limits: ChatLimits; model: RefusedModel | null },
  db: Prisma.TransactionClient,
): Promise<string> {
  if (!model || model.contextWindow === undefined) return "";
  const balance = await db.creditBalance.findUnique({ where: { userId } });
  const available = balance ? balance.balanceMicros - balance.heldMicros : 0n;
  if (available <= 0n) return "";
  const { minMicros } = creditHoldBounds(
    {
      inputPricePerMillion: model.inputPricePerMillion ?? 0,
      outputPricePerMillion: model.outputPricePerMillion ?? 0,
      contextWindow: model.contextWindow,
    },
    limits.creditPricePercent,
  );
  return creditsShortMessage({
    availableMicros: available,
    neededMicros: minMicros,
    modelName: model.displayName,
  });
}
