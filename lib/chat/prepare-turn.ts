import "server-only";
import type { Actor } from "../auth/session";
import { prisma } from "../db";
import { AppError } from "../errors";
import type { ModelConfig } from "../generated/prisma/client";
import { canViewGpt } from "../gpts/policy";
import { resolveModel } from "../models/queries";
import { type ActionTurn, prepareActionTurn } from "./action-turn";
import { type KnowledgeSettings, type KnowledgeTurn, prepareKnowledgeTurn } from "./knowledge-turn";
import { type ChatRequest, textOf } from "./schemas";

/**
 * The model's view of a conversation, re-read from the database on every turn (the browser never
 * sends history): text of every message that did not fail, oldest first.
 */
export async function loadTurnHistory(conversationId: string): Promise<Turn["history"]> {
  const stored = await prisma.message.findMany({
    where: { conversationId, status: { not: "FAILED" } },
    orderBy: { createdAt: "asc" },
    select: { role: true, parts: true },
  });
  return stored
    .map((message) => ({
      role: message.role === "USER" ? ("user" as const) : ("assistant" as const),
      content: textOf(message.parts),
    }))
    .filter((message) => message.content.length > 0);
}

export type Turn = {
  actor: Actor;
  conversationId: string;
  isNewConversation: boolean;
  gpt: { id: string; ownerId: string };
  versionId: string | null;
  instructions: string;
  gptName: string;
  model: ModelConfig;
  /** The answering source's sampling temperature; null leaves the model's default. */
  temperature: number | null;
  channel: "STORE" | "PREVIEW";
  history: { role: "user" | "assistant"; content: string }[];
  /** Knowledge retrieved for this turn; absent without the capability or live files. */
  knowledge?: KnowledgeTurn | null;
  /** Actions this turn may call; absent without the capability or enabled operations. */
  actions?: ActionTurn | null;
};

export const GPT_UNAVAILABLE_MESSAGE = "This GPT is no longer available.";

export const NO_MODEL_MESSAGE =
  "No model is configured on this Atelier instance yet. An administrator can add one under Admin → Models.";

/**
 * Everything before the model call: authorise, pick what answers (the published version, or the
 * draft for its owner's preview), find or create the conversation, save the user's message first
 * (so nothing typed is lost if the model fails), and reload history from the database.
 */
export async function prepareTurn({
  actor,
  request,
}: {
  actor: Actor;
  request: ChatRequest;
}): Promise<Turn> {
  const gpt = await prisma.gpt.findUnique({
    where: { id: request.gptId },
    include: { publishedVersion: true, owner: { select: { bannedAt: true } } },
  });
  if (!gpt) throw new AppError("not_found", "GPT not found.");
  // Soft-deleted by its owner: conversations keep their history but get no new answers.
  if (gpt.deletedAt) throw new AppError("forbidden", GPT_UNAVAILABLE_MESSAGE);
  const access = { ...gpt, isOwnerBanned: gpt.owner.bannedAt !== null };

  let source: {
    name: string;
    instructions: string;
    modelConfigId: string | null;
    temperature: number | null;
    versionId: string | null;
    knowledge: KnowledgeSettings;
    /** The published version's action snapshot (unused for the draft preview). */
    versionActions: unknown;
  };
  const knowledgeOf = (from: KnowledgeSettings): KnowledgeSettings => ({
    capabilities: from.capabilities,
    knowledgeTopK: from.knowledgeTopK,
    knowledgeMinScore: from.knowledgeMinScore,
    hideKnowledgeSources: from.hideKnowledgeSources,
    knowledgeOnly: from.knowledgeOnly,
  });
  if (request.isPreview) {
    if (gpt.ownerId !== actor.id) throw new AppError("not_found", "GPT not found.");
    source = {
      name: gpt.name,
      instructions: gpt.instructions,
      modelConfigId: gpt.modelConfigId,
      temperature: gpt.temperature,
      versionId: null,
      knowledge: knowledgeOf(gpt),
      versionActions: [],
    };
  } else {
    if (!canViewGpt(actor, access) || !gpt.publishedVersion) {
      throw new AppError("not_found", "GPT not found.");
    }
    if (gpt.status !== "ACTIVE") throw new AppError("forbidden", GPT_UNAVAILABLE_MESSAGE);
    const version = gpt.publishedVersion;
    source = {
      name: version.name,
      instructions: version.instructions,
      modelConfigId: version.modelConfigId,
      temperature: version.temperature,
      versionId: version.id,
      knowledge: knowledgeOf(version),
      versionActions: version.actions,
    };
  }

  const resolved = await resolveModel(source.modelConfigId);
  if (!resolved) throw new AppError("unavailable", NO_MODEL_MESSAGE);

  const userText = request.message?.text;
  if (request.trigger === "submit-message" && !userText) {
    throw new AppError("bad_request", "Type a message first.");
  }

  const { conversationId, isNewConversation } = await prisma.$transaction(async (tx) => {
    let conversation = request.conversationId
      ? await tx.conversation.findFirst({
          // The Create tab's builder conversation is never a preview or store chat.
          where: { id: request.conversationId, userId: actor.id, gptId: gpt.id, isBuilder: false },
        })
      : null;
    if (request.conversationId && !conversation)
      throw new AppError("not_found", "Conversation not found.");
    if (conversation && conversation.isPreview !== request.isPreview) {
      throw new AppError("bad_request", "This conversation belongs to another chat mode.");
    }
    const isNew = !conversation;
    if (!conversation) {
      if (!userText) throw new AppError("bad_request", "Type a message first.");
      conversation = await tx.conversation.create({
        data: {
          userId: actor.id,
          gptId: gpt.id,
          versionId: source.versionId,
          isPreview: request.isPreview,
          title: titleFrom(userText),
        },
      });
      if (!request.isPreview) {
        await tx.gpt.update({
          where: { id: gpt.id },
          data: { conversationCount: { increment: 1 } },
        });
      }
    }
    // A retry ("regenerate") re-answers the saved question; it saves the text only when the
    // previous attempt failed before the question was stored.
    const last = await tx.message.findFirst({
      where: { conversationId: conversation.id, status: { not: "FAILED" } },
      orderBy: { createdAt: "desc" },
      select: { role: true },
    });
    const shouldSaveUserMessage =
      Boolean(userText) && (request.trigger === "submit-message" || last?.role !== "USER");
    if (shouldSaveUserMessage && userText) {
      await tx.message.create({
        data: {
          conversationId: conversation.id,
          role: "USER",
          parts: [{ type: "text", text: userText }],
        },
      });
    }
    // A store conversation always talks to the latest published version.
    await tx.conversation.update({
      where: { id: conversation.id },
      data: { versionId: source.versionId, updatedAt: new Date() },
    });
    return { conversationId: conversation.id, isNewConversation: isNew };
  });

  const history = await loadTurnHistory(conversationId);
  const question = history.at(-1);
  if (question?.role !== "user") {
    throw new AppError("bad_request", "There is no message to answer. Type a new message.");
  }
  const knowledge = await prepareKnowledgeTurn({
    gptId: gpt.id,
    versionId: source.versionId,
    settings: source.knowledge,
    query: question.content,
    isOwner: gpt.ownerId === actor.id,
  });
  const actions = await prepareActionTurn({
    gptId: gpt.id,
    versionActions: source.versionActions,
    isPreview: request.isPreview,
    capabilities: source.knowledge.capabilities,
  });

  return {
    actor,
    conversationId,
    isNewConversation,
    gpt: { id: gpt.id, ownerId: gpt.ownerId },
    versionId: source.versionId,
    instructions: source.instructions,
    gptName: source.name,
    model: resolved.model,
    temperature: source.temperature,
    channel: request.isPreview ? "PREVIEW" : "STORE",
    history,
    knowledge,
    actions,
  };
}

function titleFrom(text: string): string {
  const singleLine = text.replace(/\s+/g, " ").trim();
  return singleLine.length > 60 ? `${singleLine.slice(0, 57)}…` : singleLine;
}
