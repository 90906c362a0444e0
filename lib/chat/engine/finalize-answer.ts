import "server-only";
import { randomUUID } from "node:crypto";
import { prisma } from "../../db";
import type { Prisma } from "../../generated/prisma/client";
import { addDailySpend } from "../../limits/add-daily-spend";
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
 * Writes an answer's end in one atomic step: the message's final parts and status, and its one
 * usage event (plus the day's spend counters when it cost anything). Only a STREAMING message is
 * finalised, and UsageEvent.messageId is unique, so running this twice (a retry, the durable job,
 * a recovery sweep that got there first) changes nothing the second time: never a second charge.
 *
 * Returns true when this call finalised the answer, false when it was already final.
 */
export async function finalizeAnswer(outcome: AnswerOutcome): Promise<boolean> {
  const cost = costMicros({
    inputTokens: outcome.usage.inputTokens,
    outputTokens: outcome.usage.outputTokens,
    inputPricePerMillion: outcome.meter.inputPricePerMillion,
    outputPricePerMillion: outcome.meter.outputPricePerMillion,
  });
  // Free answers (most local models) need no spend counters: one statement, no transaction.
  if (cost === 0) return (await finalizeStatement(prisma, outcome, cost)) > 0;
  return prisma.$transaction(
    async (tx) => {
      const finalized = await finalizeStatement(tx, outcome, cost);
      if (finalized === 0) return false;
      // Last in the transaction: the instance-wide spend row is the most contended lock.
      await addDailySpend(tx, { gptId: outcome.meter.gptId, costMicros: cost });
      return true;
    },
    { maxWait: 30_000, timeout: 30_000 },
  );
}

/**
 * The message update and the usage event insert as one statement (a data-modifying CTE): the
 * usage row exists exactly when this statement moved the message out of STREAMING.
 */
async function finalizeStatement(
  client: Prisma.TransactionClient | typeof prisma,
  outcome: AnswerOutcome,
  cost: number,
): Promise<number> {
  const { meter, usage } = outcome;
  return client.$executeRaw`
    WITH finalized AS (
      UPDATE "Message"
      SET "parts" = ${JSON.stringify(outcome.parts)}::jsonb,
          "status" = ${outcome.status}::"MessageStatus",
          "errorMessage" = ${outcome.errorMessage},
          "instanceId" = NULL
      WHERE "id" = ${outcome.messageId} AND "status" = 'STREAMING'
      RETURNING "id"
    )
    INSERT INTO "UsageEvent" ("id", "messageId", "userId", "gptId", "creatorId", "channel",
      "modelId", "inputTokens", "outputTokens", "costMicros", "isEstimated", "createdAt")
    SELECT ${randomUUID()}, "id", ${meter.userId}, ${meter.gptId}, ${meter.creatorId},
      ${meter.channel}::"UsageChannel", ${meter.modelId}, ${usage.inputTokens}::int,
      ${usage.outputTokens}::int, ${cost}::int, ${usage.isEstimated}, now()
    FROM finalized
    ON CONFLICT ("messageId") DO NOTHING`;
}
