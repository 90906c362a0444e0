import "server-only";
import type { Prisma } from "../generated/prisma/client";
import { gptSpendScope, INSTANCE_SPEND_SCOPE } from "./spend-scope";
import { utcDayKey } from "./today";

/**
 * Adds an answer's cost to today's spend of its GPT and of the instance (at's UTC day), in the
 * caller's transaction: the one that records the usage event, so spend and usage never disagree.
 *
 * Lock order is always the GPT's row, then the instance's (the VALUES order, which PostgreSQL
 * inserts in turn), so concurrent transactions never wait on each other in a cycle. The instance
 * row is one hot row for every answer: its lock is held until the caller commits, so call this
 * last in the transaction.
 */
export async function addDailySpend(
  tx: Prisma.TransactionClient,
  { gptId, costMicros, at = new Date() }: { gptId: string; costMicros: number; at?: Date },
): Promise<void> {
  if (costMicros === 0) return;
  if (!Number.isSafeInteger(costMicros) || costMicros < 0) {
    throw new RangeError(`costMicros must be a whole number of micro-dollars, got ${costMicros}`);
  }
  const day = utcDayKey(at);
  const cost = BigInt(costMicros);
  await tx.$executeRaw`
    INSERT INTO "DailySpend" AS s ("scope", "day", "costMicros")
    VALUES (${gptSpendScope(gptId)}, ${day}::date, ${cost}::bigint),
           (${INSTANCE_SPEND_SCOPE}, ${day}::date, ${cost}::bigint)
    ON CONFLICT ("scope", "day") DO UPDATE SET "costMicros" = s."costMicros" + EXCLUDED."costMicros"`;
}
