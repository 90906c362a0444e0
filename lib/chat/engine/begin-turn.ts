import "server-only";
import { randomUUID } from "node:crypto";
import type { Actor } from "../../auth/session";
import { creditHoldBounds, type PricedModel } from "../../billing/credit-price";
import { entitlementSql } from "../../billing/entitlement";
import { prisma } from "../../db";
import { hotQuery } from "../../db/hot-query";
import { AppError } from "../../errors";
import { Prisma } from "../../generated/prisma/client";
import { currentInstanceId } from "../../instances/app-instance";
import type { ChatLimits } from "../../limits/chat-limits";
import { checkSpendCaps, spendCapsNotReachedSql } from "../../limits/check-spend-caps";
import {
  chatAllowanceRefusal,
  chatAllowanceUpsert,
  type PremiumModel,
} from "../../limits/consume-chat-message";

export type TurnStart = {
  actor: Actor;
  conversation:
    | { id: string; versionId?: string | null }
    | {
        create: {
          gptId: string;
          versionId: string | null;
          isPreview: boolean;
          isBuilder?: boolean;
          title: string;
          /** API and embed conversations (Conversation.origin, isHidden, visitorId, apiKeyId). */
          origin?: "APP" | "API" | "EMBED";
          isHidden?: boolean;
          visitorId?: string | null;
          apiKeyId?: string | null;
        };
        /** Store conversations count towards the GPT's conversation count. */
        isCounted: boolean;
      };
  /** The user's message to save; null when answering a saved one again. */
  userMessageParts: unknown[] | null;
  /** The saved question answered again (regenerate), when userMessageParts is null. */
  savedQuestionId?: string | null;
  /** Visible messages this turn replaces (regenerate, edit): hidden, kept for the record. */
  supersededMessageIds: string[];
  /** What the answer will be metered as. */
  answer: {
    gptId: string;
    channel: "STORE" | "API" | "EMBED" | "PREVIEW";
    versionId: string | null;
    modelConfigId: string;
  };
  /** The answering model: a premium one needs a plan that allows it; its prices set a credit hold. */
  model: PremiumModel & PricedModel;
  limits: ChatLimits;
};

export type BegunTurn = {
  conversationId: string;
  isNewConversation: boolean;
  /** The answer's message id: its STREAMING row exists from here on. */
  messageId: string;
  /** The user message being answered (saved now, or earlier for a regenerate). */
  questionId: string | null;
};

/** Two write-aheads of one user raced for the same credits: the loser tries again this often. */
const CREDIT_RACE_ATTEMPTS = 3;

/**
 * The write-ahead of a chat turn, before the model is called: check the daily spend caps, take
 * one message from the allowance of the user's plan (and check the plan allows the model), or
 * past the allowance hold prepaid credits for it, create or touch the conversation, hide what a
 * regenerate or edit replaces, save the user's message, and create the answer's message as
 * STREAMING (owned by this process). From here on nothing can be lost: the answer is finalised by
 * the turn, by the durable finalize job, or by recovery after a crash.
 *
 * One SQL statement of data-modifying CTEs, so it is atomic without a transaction and costs one
 * round trip: every step after the allowance reads from the one before it, so when a limit refuses
 * (the allowance upsert returns no row) nothing at all is written. This runs for every message;
 * as an interactive transaction it was six round trips and most of a turn's database time.
 */
export async function beginTurn(start: TurnStart): Promise<BegunTurn> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await writeAhead(start);
    } catch (error) {
      if (!isCreditHoldRace(error) || attempt >= CREDIT_RACE_ATTEMPTS) throw error;
    }
  }
}

/**
 * The credit hold sizes itself from the balance as the statement's snapshot saw it. When another
 * turn of the same user held credits meanwhile, the hold can exceed what is left: the database
 * refuses it (CreditBalance_held_within_balance), the whole statement with it, and a new attempt
 * sees the new balance. So credits are never overspent, however many turns start at once.
 */
function isCreditHoldRace(error: unknown): boolean {
  const { code, constraint } = (error ?? {}) as { code?: string; constraint?: string };
  return code === "23514" && (constraint === undefined || constraint === HELD_WITHIN_BALANCE);
}
const HELD_WITHIN_BALANCE = "CreditBalance_held_within_balance";

async function writeAhead(start: TurnStart): Promise<BegunTurn> {
  const messageId = randomUUID();
  const questionId = start.userMessageParts ? randomUUID() : (start.savedQuestionId ?? null);
  // Explicit times keep the question before its answer (now() is one value per statement).
  const askedAt = new Date();
  const answeredAt = new Date(askedAt.getTime() + 1);
  const spec = start.conversation;
  const isNew = "create" in spec;
  const conversationId = isNew ? randomUUID() : spec.id;
  const at = (date: Date) => Prisma.sql`${date.toISOString()}::timestamp(3)`;

  // Within the allowance, or on credits that are now held for the answer.
  const isPaidFor = Prisma.sql`(NOT (SELECT "onCredits" FROM allowance) OR EXISTS (SELECT 1 FROM held))`;
  const conversationStep = isNew
    ? Prisma.sql`
        INSERT INTO "Conversation" ("id", "userId", "gptId", "versionId", "isPreview", "isBuilder",
          "origin", "isHidden", "visitorId", "apiKeyId", "title", "createdAt", "updatedAt")
        SELECT ${conversationId}, ${start.actor.id}, ${spec.create.gptId}, ${spec.create.versionId},
          ${spec.create.isPreview}, ${spec.create.isBuilder ?? false},
          ${spec.create.origin ?? "APP"}::"ConversationOrigin", ${spec.create.isHidden ?? false},
          ${spec.create.visitorId ?? null}, ${spec.create.apiKeyId ?? null}, ${spec.create.title},
          ${at(askedAt)}, ${at(askedAt)}
        FROM allowance WHERE ${isPaidFor}
        RETURNING "id"`
    : Prisma.sql`
        UPDATE "Conversation" SET "updatedAt" = ${at(askedAt)}
          ${spec.versionId !== undefined ? Prisma.sql`, "versionId" = ${spec.versionId}` : Prisma.empty}
        WHERE "id" = ${conversationId} AND EXISTS (SELECT 1 FROM allowance) AND ${isPaidFor}
        RETURNING "id"`;
  const supersedeStep =
    start.supersededMessageIds.length > 0
      ? Prisma.sql`, superseded AS (
          UPDATE "Message" SET "supersededAt" = ${at(askedAt)}
          WHERE "id" IN (${Prisma.join(start.supersededMessageIds)})
            AND "conversationId" = (SELECT "id" FROM conversation)
        )`
      : Prisma.empty;
  const questionStep =
    start.userMessageParts && questionId
      ? Prisma.sql`, question AS (
          INSERT INTO "Message" ("id", "conversationId", "role", "parts", "status", "createdAt")
          SELECT ${questionId}, "id", 'USER', ${JSON.stringify(start.userMessageParts)}::jsonb,
            'COMPLETE', ${at(askedAt)}
          FROM conversation
        )`
      : Prisma.empty;
  // A popular GPT's row is the most contended lock here: it is the last step.
  const countStep =
    isNew && spec.isCounted
      ? Prisma.sql`, counted AS (
          UPDATE "Gpt" SET "conversationCount" = "conversationCount" + 1
          WHERE "id" = ${spec.create.gptId} AND EXISTS (SELECT 1 FROM conversation)
        )`
      : Prisma.empty;
  const { answer } = start;
  const hold = creditHoldBounds(start.model, start.limits.creditPricePercent);
  const rows = await hotQuery<{ id: string }>(Prisma.sql`
    WITH entitlement AS (${entitlementSql({
      userId: start.actor.id,
      now: askedAt,
      pastDueGraceDays: start.limits.pastDueGraceDays,
    })}),
    credit AS (
      SELECT GREATEST(${hold.minMicros}::bigint,
          LEAST(${hold.maxMicros}::bigint, "balanceMicros" - "heldMicros")) AS "holdMicros",
        "balanceMicros" - "heldMicros" >= ${hold.minMicros}::bigint AS "covers"
      FROM "CreditBalance" WHERE "userId" = ${start.actor.id}
    ),
    allowance AS (${chatAllowanceUpsert({
      userId: start.actor.id,
      limits: start.limits,
      now: askedAt,
      model: start.model,
      onlyIf: Prisma.sql`${spendCapsNotReachedSql({
        gptId: answer.gptId,
        limits: start.limits,
        now: askedAt,
      })} AND ${
        isNew
          ? Prisma.sql`TRUE`
          : Prisma.sql`EXISTS (SELECT 1 FROM "Conversation" WHERE "id" = ${conversationId})`
      }`,
      creditsCover: Prisma.sql`COALESCE((SELECT "covers" FROM credit), FALSE)`,
    })}),
    held AS (
      UPDATE "CreditBalance"
      SET "heldMicros" = "heldMicros" + (SELECT "holdMicros" FROM credit), "updatedAt" = ${at(askedAt)}
      WHERE "userId" = ${start.actor.id} AND (SELECT "onCredits" FROM allowance)
      RETURNING (SELECT "holdMicros" FROM credit) AS "holdMicros"
    ),
    conversation AS (${conversationStep})
    ${supersedeStep}
    ${questionStep},
    answer AS (
      INSERT INTO "Message" ("id", "conversationId", "role", "parts", "status", "instanceId",
        "gptId", "channel", "versionId", "modelConfigId", "creditHoldMicros", "createdAt")
      SELECT ${messageId}, "id", 'ASSISTANT', '[]'::jsonb, 'STREAMING', ${currentInstanceId()},
        ${answer.gptId}, ${answer.channel}::"UsageChannel", ${answer.versionId},
        ${answer.modelConfigId}, COALESCE((SELECT "holdMicros" FROM held), 0), ${at(answeredAt)}
      FROM conversation
      RETURNING "id"
    )
    ${countStep}
    SELECT "id" FROM answer`);
  if (rows.length === 0) {
    // Nothing was written: a spend cap or a limit refused (say which), or the conversation is gone.
    await checkSpendCaps({ gptId: answer.gptId, limits: start.limits, now: askedAt });
    if (!isNew && !(await prisma.conversation.count({ where: { id: conversationId } }))) {
      throw new AppError("not_found", "Conversation not found.");
    }
    throw await chatAllowanceRefusal({
      userId: start.actor.id,
      limits: start.limits,
      now: askedAt,
      model: start.model,
    });
  }
  return { conversationId, isNewConversation: isNew, messageId, questionId };
}
