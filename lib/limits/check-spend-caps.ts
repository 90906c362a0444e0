import "server-only";
import { prisma } from "../db";
import { Prisma } from "../generated/prisma/client";
import type { ChatLimits } from "./chat-limits";
import { chatLimitError, gptSpendLimitMessage, instanceSpendLimitMessage } from "./limit-messages";
import { gptSpendScope, INSTANCE_SPEND_SCOPE } from "./spend-scope";
import { nextUtcMidnight, secondsUntilNextUtcMidnight, utcDayKey, utcDayStart } from "./today";

/**
 * Refuses a turn (AppError "rate_limited", limit "instance_spend" or "gpt_spend") when today's
 * model spend of the instance or of this GPT has reached its cap (a cap of 0 is no cap). One read,
 * before the turn starts.
 *
 * The caps are soft: spend is added when an answer's usage is recorded, so turns already running
 * when a cap is reached finish and may take the day's spend past it. Refusing them midway would
 * cut answers off for a few cents; the cap bounds how many new turns start.
 */
export async function checkSpendCaps({
  gptId,
  gptName,
  limits,
  now = new Date(),
}: {
  gptId: string;
  /** For the refusal message ("Recipe helper has reached…"); "This GPT" without it. */
  gptName?: string;
  limits: ChatLimits;
  now?: Date;
}): Promise<void> {
  const instanceCap = limits.instanceDailySpendCapMicros;
  const gptCap = limits.gptDailySpendCapMicros;
  if (instanceCap <= 0 && gptCap <= 0) return;
  const rows = await prisma.dailySpend.findMany({
    where: { day: utcDayStart(now), scope: { in: [INSTANCE_SPEND_SCOPE, gptSpendScope(gptId)] } },
    select: { scope: true, costMicros: true },
  });
  const spentBy = (scope: string) =>
    Number(rows.find((row) => row.scope === scope)?.costMicros ?? 0n);
  const secondsUntilReset = secondsUntilNextUtcMidnight(now);
  const resetsAt = nextUtcMidnight(now);
  if (instanceCap > 0 && spentBy(INSTANCE_SPEND_SCOPE) >= instanceCap) {
    const message = instanceSpendLimitMessage({ secondsUntilReset });
    throw chatLimitError({ limit: "instance_spend", message, now, resetsAt });
  }
  if (gptCap > 0 && spentBy(gptSpendScope(gptId)) >= gptCap) {
    const message = gptSpendLimitMessage({ gptName, secondsUntilReset });
    throw chatLimitError({ limit: "gpt_spend", message, now, resetsAt });
  }
}

/**
 * The same rule as a SQL condition (true while neither cap is reached), for the chat's write-ahead
 * statement (lib/chat/engine/begin-turn.ts): checked in the statement that starts the turn, it
 * costs no extra round trip. When it refuses, checkSpendCaps says which cap and until when.
 */
export function spendCapsNotReachedSql({
  gptId,
  limits,
  now = new Date(),
}: {
  gptId: string;
  limits: ChatLimits;
  now?: Date;
}): Prisma.Sql {
  const instanceCap = limits.instanceDailySpendCapMicros;
  const gptCap = limits.gptDailySpendCapMicros;
  if (instanceCap <= 0 && gptCap <= 0) return Prisma.sql`TRUE`;
  return Prisma.sql`NOT EXISTS (
    SELECT 1 FROM "DailySpend"
    WHERE "day" = ${utcDayKey(now)}::date
      AND ((${instanceCap}::bigint > 0 AND "scope" = ${INSTANCE_SPEND_SCOPE} AND "costMicros" >= ${instanceCap}::bigint)
        OR (${gptCap}::bigint > 0 AND "scope" = ${gptSpendScope(gptId)} AND "costMicros" >= ${gptCap}::bigint))
  )`;
}
