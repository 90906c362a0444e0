import "server-only";
import type { Actor } from "../auth/session";
import { loadTurnHistory, type Turn } from "../chat/prepare-turn";
import { textOf } from "../chat/schemas";
import { prisma } from "../db";
import { AppError } from "../errors";
import { listCategories } from "../gpts/queries";
import { getDefaultModel } from "../models/queries";
import { findBuilderGpt, lastAppliedByBuilder, STALE_DRAFT_MESSAGE } from "./draft-field";
import { BUILDER_FIELDS, type BuilderField, isHandEdited } from "./fields";
import type { BuilderTurnRequest } from "./schemas";
import { type BuilderPromptCategory, builderSystemPrompt } from "./system-prompt";

export const BUILDER_NO_MODEL_MESSAGE =
  "Building by conversation needs a model, and none is configured on this Atelier instance yet. An administrator can add one under Admin → Models. You can still fill in the Configure tab.";

export type BuilderTurn = {
  turn: Turn;
  system: string;
  categories: BuilderPromptCategory[];
};

/**
 * Everything before the builder assistant answers: the owner's live GPT at the revision the
 * editor saved, the platform's default model, the builder conversation (one per GPT and owner,
 * flagged isBuilder and isPreview so it is never store traffic), the user's message saved first,
 * and a system prompt that shows the current draft and which fields the creator edited by hand.
 */
export async function prepareBuilderTurn({
  actor,
  gptId,
  request,
}: {
  actor: Actor;
  gptId: string;
  request: BuilderTurnRequest;
}): Promise<BuilderTurn> {
  const gpt = await findBuilderGpt(prisma, { actor, gptId });
  const model = await getDefaultModel();
  if (!model) throw new AppError("unavailable", BUILDER_NO_MODEL_MESSAGE);
  if (gpt.revision !== request.revision) throw new AppError("conflict", STALE_DRAFT_MESSAGE);

  const { conversationId, isNewConversation } = await prisma.$transaction(async (tx) => {
    const existing = await tx.conversation.findFirst({
      where: { gptId, userId: actor.id, isBuilder: true },
      orderBy: { createdAt: "asc" },
      select: { id: true },
    });
    const conversation =
      existing ??
      (await tx.conversation.create({
        data: {
          userId: actor.id,
          gptId,
          isBuilder: true,
          isPreview: true,
          title: "GPT Builder",
        },
        select: { id: true },
      }));
    const last = await tx.message.findFirst({
      where: { conversationId: conversation.id, status: { not: "FAILED" } },
      orderBy: { createdAt: "desc" },
      select: { role: true, parts: true },
    });
    const isRetryOfSaved =
      request.trigger === "regenerate-message" &&
      last?.role === "USER" &&
      textOf(last.parts) === request.message;
    if (!isRetryOfSaved) {
      await tx.message.create({
        data: {
          conversationId: conversation.id,
          role: "USER",
          parts: [{ type: "text", text: request.message }],
        },
      });
    }
    await tx.conversation.update({
      where: { id: conversation.id },
      data: { updatedAt: new Date() },
    });
    return { conversationId: conversation.id, isNewConversation: !existing };
  });

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
