import "server-only";
import { Prisma } from "../generated/prisma/client";
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
  await tx.$executeRaw(dailySpendUpsertSql({ gptId, costMicros, at }));
}

/**
 * addDailySpend's statement, for a caller that makes it one step of its own statement (the chat's
 * final write, lib/chat/engine/finalize-answer.ts); `onlyIf` adds nothing unless it holds.
 */
export function dailySpendUpsertSql({
  gptId,
  costMicros,
  at = new Date(),
  onlyIf = Prisma.sql`TRUE`,
}: {
  gptId: string;
  costMicros: number;
  at?: Date;
  onlyIf?: Prisma.Sql;
}): Prisma.Sql {
  const day = utcDayKey(at);
  // As text: the drivers under Prisma do not all take a BigInt parameter.
  const cost = String(costMicros);
  return Prisma.sql`
    INSERT INTO "DailySpend" AS s ("scope", "day", "costMicros")
    SELECT scope, ${day}::date, ${cost}::bigint
    FROM (VALUES (1, ${gptSpendScope(gptId)}), (2, ${INSTANCE_SPEND_SCOPE})) AS v(n, scope)
    WHERE ${onlyIf}
    ORDER BY n
    ON CONFLICT ("scope", "day") DO UPDATE SET "costMicros" = s."costMicros" + EXCLUDED."costMicros"`;
}
