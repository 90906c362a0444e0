import "server-only";
import type { Actor } from "../auth/session";
import type { TurnStart } from "../chat/engine/begin-turn";
import { loadTurnHistory, type Turn } from "../chat/prepare-turn";
import { textOf } from "../chat/schemas";
import { prisma } from "../db";
import { AppError } from "../errors";
import type { ModelConfig } from "../generated/prisma/client";
import { listCategories } from "../gpts/queries";
import { getDefaultModel } from "../models/queries";
import { findBuilderGpt, lastAppliedByBuilder, STALE_DRAFT_MESSAGE } from "./draft-field";
import { BUILDER_FIELDS, type BuilderField, isHandEdited } from "./fields";
import type { BuilderTurnRequest } from "./schemas";
import { type BuilderPromptCategory, builderSystemPrompt } from "./system-prompt";

export const BUILDER_NO_MODEL_MESSAGE =
  "Building by conversation needs a model, and none is configured on this Atelier instance yet. An administrator can add one under Admin → Models. You can still fill in the Configure tab.";

export type BuilderPlan = {
  gpt: { id: string; ownerId: string; name: string };
  model: ModelConfig;
  /** The write-ahead of this turn, less the limits (the caller adds them). */
  start: Omit<TurnStart, "limits">;
};

/**
 * Everything decided before a builder turn writes: the owner's live GPT at the revision the editor
 * saved, the platform's default model, the builder conversation (one per GPT and owner, flagged
 * isBuilder and isPreview so it is never store traffic), and whether the message is new or the
 * retry of the saved last one. Reads only.
 */
export async function planBuilderTurn({
  actor,
  gptId,
  request,
}: {
  actor: Actor;
  gptId: string;
  request: BuilderTurnRequest;
}): Promise<BuilderPlan> {
  const gpt = await findBuilderGpt(prisma, { actor, gptId });
  const model = await getDefaultModel();
  if (!model) throw new AppError("unavailable", BUILDER_NO_MODEL_MESSAGE);
  if (gpt.revision !== request.revision) throw new AppError("conflict", STALE_DRAFT_MESSAGE);
  const existing = await prisma.conversation.findFirst({
    where: { gptId, userId: actor.id, isBuilder: true },
    orderBy: { createdAt: "asc" },
    select: {
      id: true,
      messages: {
        where: { supersededAt: null },
        orderBy: { createdAt: "desc" },
        take: 4,
        select: { id: true, role: true, parts: true, status: true },
      },
    },
  });
  const latest = existing?.messages ?? [];
  if (latest[0]?.status === "STREAMING") {
    throw new AppError(
      "conflict",
      "The builder is still answering. Wait for it, or stop it first.",
    );
  }
  const lastQuestionIndex = latest.findIndex((message) => message.role === "USER");
  const lastQuestion = latest[lastQuestionIndex];
  // A retry of the saved last message answers it again and hides the failed or earlier answer.
  const isRetryOfSaved =
    request.trigger === "regenerate-message" &&
    lastQuestion !== undefined &&
    textOf(lastQuestion.parts) === request.message;
  return {
    gpt: { id: gpt.id, ownerId: gpt.ownerId, name: gpt.name },
    model,
    start: {
      actor,
      conversation: existing
        ? { id: existing.id }
        : {
            create: {
              gptId,
              versionId: null,
              isPreview: true,
              isBuilder: true,
              title: "GPT Builder",
            },
            isCounted: false,
          },
      userMessageParts: isRetryOfSaved ? null : [{ type: "text", text: request.message }],
      supersededMessageIds: isRetryOfSaved
        ? latest.slice(0, lastQuestionIndex).map((message) => message.id)
        : [],
      savedQuestionId: isRetryOfSaved ? lastQuestion.id : null,
      answer: { gptId, channel: "PREVIEW", versionId: null, modelConfigId: model.id },
      // Building a GPT is part of every plan, whichever model the instance builds with.
      model: { ...model, isPremium: false },
    },
  };
}

export type BuilderTurn = { turn: Turn; system: string; categories: BuilderPromptCategory[] };

/**
 * After the write-ahead: the builder conversation's history, and a system prompt that shows the
 * current draft and which fields the creator edited by hand.
 */
export async function prepareBuilderTurn({
  actor,
  gptId,
  conversationId,
  messageId,
  isNewConversation,
  model,
}: {
  actor: Actor;
  gptId: string;
  conversationId: string;
  messageId: string;
  isNewConversation: boolean;
  model: ModelConfig;
}): Promise<BuilderTurn> {
  const gpt = await findBuilderGpt(prisma, { actor, gptId });
  const history = await loadTurnHistory(conversationId);
  const handEditedFields: BuilderField[] = [];
  for (const field of BUILDER_FIELDS) {
    const last = await lastAppliedByBuilder(prisma, { gptId, field });
    if (isHandEdited({ field, current: gpt[field], lastAppliedByBuilder: last })) {
      handEditedFields.push(field);
    }
  }
  const categories = await listCategories();
  return {
    turn: {
      actor,
      conversationId,
      isNewConversation,
      messageId,
      gpt: { id: gpt.id, ownerId: gpt.ownerId },
      versionId: null,
      instructions: "",
      gptName: gpt.name,
      model,
      temperature: null,
      channel: "PREVIEW",
      history,
    },
    system: builderSystemPrompt({ draft: gpt, categories, handEditedFields }),
    categories,
  };
}
