import "server-only";
import { randomUUID } from "node:crypto";
import { hotQuery } from "../../db/hot-query";
import { Prisma } from "../../generated/prisma/client";
import { customerCreditsAccount, LEDGER_ACCOUNTS } from "../../ledger/accounts";
import { dailySpendUpsertSql } from "../../limits/add-daily-spend";
import { costMicros } from "../../usage/cost";

/** Who pays and who earns for an answer: what its usage event records. */
export type AnswerMeter = {
  userId: string;
  gptId: string;
  creatorId: string;
  channel: "STORE" | "API" | "EMBED" | "PREVIEW";
  modelId: string;
  inputPricePerMillion: number;
  outputPricePerMillion: number;
};

/** The end of an answer: its final parts and status, and what it used. */
export type AnswerOutcome = {
  messageId: string;
  conversationId: string;
  parts: unknown[];
  status: "COMPLETE" | "INTERRUPTED" | "FAILED";
  errorMessage: string | null;
  usage: { inputTokens: number; outputTokens: number; isEstimated: boolean };
  meter: AnswerMeter;
};

/**
 * Writes an answer's end in one atomic statement (data-modifying CTEs): the message's final parts
 * and status, its one usage event, and the day's spend of its GPT and of the instance. Only a
 * STREAMING message is finalised, every later step reads from that one, and UsageEvent.messageId
 * is unique: running this twice (a retry, the durable job, a recovery sweep that got there first)
 * changes nothing the second time, so never a second charge.
 *
 * An answer paid with credits (its write-ahead held some: Message.creditHoldMicros) is charged
 * here too: what it used at the credit price, at most the hold; the hold is released, the usage
 * event records the credits, and the ledger books them as spent (the user's prepaid credits →
 * credit revenue), keyed by the message. Recovery finalises through this function, so an answer
 * cut off by a crash is charged the same way.
 *
 * Returns true when this call finalised the answer, false when it was already final.
 */
export async function finalizeAnswer(outcome: AnswerOutcome): Promise<boolean> {
  const { meter, usage } = outcome;
  const cost = costMicros({
    inputTokens: usage.inputTokens,
    outputTokens: usage.outputTokens,
    inputPricePerMillion: meter.inputPricePerMillion,
    outputPricePerMillion: meter.outputPricePerMillion,
  });
  // Free answers (most local models) need no spend counters.
  const spendStep =
    cost > 0
      ? Prisma.sql`, spent AS (${dailySpendUpsertSql({
          gptId: meter.gptId,
          costMicros: cost,
          onlyIf: Prisma.sql`EXISTS (SELECT 1 FROM metered)`,
        })})`
      : Prisma.empty;
  const credits = customerCreditsAccount(meter.userId);
  // An explicit UTC time, not now(): the columns have no time zone and a server's may not be UTC.
  const at = Prisma.sql`${new Date().toISOString()}::timestamp(3)`;
  const { creditRevenue } = LEDGER_ACCOUNTS;
  const rows = await hotQuery<{ id: string }>(Prisma.sql`
    WITH finalized AS (
      UPDATE "Message"
      SET "parts" = ${JSON.stringify(outcome.parts)}::jsonb,
          "status" = ${outcome.status}::"MessageStatus",
          "errorMessage" = ${outcome.errorMessage},
          "instanceId" = NULL
      WHERE "id" = ${outcome.messageId} AND "status" = 'STREAMING'
      RETURNING "id", "creditHoldMicros"
    ),
    charge AS (
      SELECT "id", "creditHoldMicros" AS "holdMicros",
        LEAST("creditHoldMicros", (${cost}::bigint * COALESCE(
          (SELECT "creditPricePercent" FROM "InstanceSettings" WHERE "id" = 1), 100) + 50) / 100)
          AS "spentMicros"
      FROM finalized WHERE "creditHoldMicros" > 0
    ),
    metered AS (
      INSERT INTO "UsageEvent" ("id", "messageId", "userId", "gptId", "creatorId", "channel",
        "modelId", "inputTokens", "outputTokens", "costMicros", "creditMicros", "isEstimated",
        "createdAt")
      SELECT ${randomUUID()}, "id", ${meter.userId}, ${meter.gptId}, ${meter.creatorId},
        ${meter.channel}::"UsageChannel", ${meter.modelId}, ${usage.inputTokens}::int,
        ${usage.outputTokens}::int, ${cost}::int,
        COALESCE((SELECT "spentMicros" FROM charge), 0), ${usage.isEstimated}, ${at}
      FROM finalized
      ON CONFLICT ("messageId") DO NOTHING
      RETURNING "id"
    ),
    released AS (
      UPDATE "CreditBalance" b
      SET "balanceMicros" = b."balanceMicros" - c."spentMicros",
          "heldMicros" = b."heldMicros" - c."holdMicros",
          "updatedAt" = ${at}
      FROM charge c
      WHERE b."userId" = ${meter.userId} AND EXISTS (SELECT 1 FROM metered)
    ),
    credits_spent AS (
      SELECT "id", "spentMicros" FROM charge
      WHERE "spentMicros" > 0 AND EXISTS (SELECT 1 FROM metered)
    ),
    spent_accounts AS (
      INSERT INTO "LedgerAccount" ("id", "name")
      SELECT a."id", a."name"
      FROM (VALUES (${credits.id}, ${credits.name}), (${creditRevenue.id}, ${creditRevenue.name}))
        AS a ("id", "name")
      WHERE EXISTS (SELECT 1 FROM credits_spent)
      ON CONFLICT ("id") DO NOTHING
    ),
    spent_booking AS (
      INSERT INTO "LedgerTransaction" ("id", "idempotencyKey", "kind", "sourceId", "description",
        "userId", "occurredAt")
      SELECT ${randomUUID()}, 'credits.spent:' || "id", 'credits.spent', "id",
        'Credits spent on an answer', ${meter.userId}, ${at}
      FROM credits_spent
      RETURNING "id"
    ),
    spent_entries AS (
      INSERT INTO "LedgerEntry" ("transactionId", "accountId", "amountMicros")
      SELECT t."id", e."accountId", e."amountMicros"
      FROM spent_booking t CROSS JOIN credits_spent s
      CROSS JOIN LATERAL (VALUES (${credits.id}, s."spentMicros"),
        (${creditRevenue.id}, -s."spentMicros")) AS e ("accountId", "amountMicros")
    )
    ${spendStep}
    SELECT "id" FROM metered`);
  return rows.length > 0;
}
