import "server-only";
import { randomUUID } from "node:crypto";
import { hotQuery } from "../../db/hot-query";
import { Prisma } from "../../generated/prisma/client";
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
  const rows = await hotQuery<{ id: string }>(Prisma.sql`
    WITH finalized AS (
      UPDATE "Message"
      SET "parts" = ${JSON.stringify(outcome.parts)}::jsonb,
          "status" = ${outcome.status}::"MessageStatus",
          "errorMessage" = ${outcome.errorMessage},
          "instanceId" = NULL
      WHERE "id" = ${outcome.messageId} AND "status" = 'STREAMING'
      RETURNING "id"
    ),
    metered AS (
      INSERT INTO "UsageEvent" ("id", "messageId", "userId", "gptId", "creatorId", "channel",
        "modelId", "inputTokens", "outputTokens", "costMicros", "isEstimated", "createdAt")
      SELECT ${randomUUID()}, "id", ${meter.userId}, ${meter.gptId}, ${meter.creatorId},
        ${meter.channel}::"UsageChannel", ${meter.modelId}, ${usage.inputTokens}::int,
        ${usage.outputTokens}::int, ${cost}::int, ${usage.isEstimated}, now()
      FROM finalized
      ON CONFLICT ("messageId") DO NOTHING
      RETURNING "id"
    )
    ${spendStep}
    SELECT "id" FROM metered`);
  return rows.length > 0;
}
