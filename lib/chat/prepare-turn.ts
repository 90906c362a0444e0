import "server-only";
import type { Actor } from "../auth/session";
import { prisma } from "../db";
import { AppError } from "../errors";
import type { ModelConfig } from "../generated/prisma/client";
import { resolveModel } from "../models/queries";
import { type ActionTurn, prepareActionTurn } from "./action-turn";
import {
  answeredByOf,
  GPT_UNAVAILABLE_MESSAGE,
  loadConversationSource,
  loadMentionedSource,
} from "./answering-source";
import { type KnowledgeTurn, prepareKnowledgeTurn } from "./knowledge-turn";
import {
  type AnsweredBy,
  type ChatRequest,
  MENTION_PART_TYPE,
  type MentionPart,
  mentionOf,
  textOf,
} from "./schemas";

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
  /** The GPT that answers this turn (the @mentioned one, if any): it is metered and earns. */
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
  /** Set when an @mentioned GPT answers instead of the conversation's own. */
  answeredBy?: AnsweredBy | null;
  /** The conversation's own GPT, named in a mentioned GPT's system prompt. */
  hostGptName?: string;
};

export { GPT_UNAVAILABLE_MESSAGE };

export const NO_MODEL_MESSAGE =
  "No model is configured on this Atelier instance yet. An administrator can add one under Admin → Models.";

async function requireModel(modelConfigId: string | null): Promise<ModelConfig> {
  const resolved = await resolveModel(modelConfigId);
  if (!resolved) throw new AppError("unavailable", NO_MODEL_MESSAGE);
  return resolved.model;
}

/**
 * Everything before the model call: authorise, pick what answers (the published version, the
 * draft for its owner's preview, or an @mentioned GPT's published version for this reply only),
 * find or create the conversation, save the user's message first (so nothing typed is lost if the
 * model fails), and reload history from the database. A refused mention saves nothing.
 */
export async function prepareTurn({
  actor,
  request,
}: {
  actor: Actor;
  request: ChatRequest;
}): Promise<Turn> {
  const host = await loadConversationSource({
    actor,
    gptId: request.gptId,
    isPreview: request.isPreview,
  });
  if (request.mentionGptId && request.isPreview) {
    throw new AppError("bad_request", "Other GPTs can't be mentioned in the preview.");
  }
  // Mentioning the conversation's own GPT is just a normal turn.
  const requested =
    request.mentionGptId && request.mentionGptId !== host.gpt.id
      ? await loadMentionedSource({ actor, gptId: request.mentionGptId })
      : null;
  const requestedModel = await requireModel((requested ?? host).modelConfigId);

  const userText = request.message?.text;
  if (request.trigger === "submit-message" && !userText) {
    throw new AppError("bad_request", "Type a message first.");
  }

  const { conversationId, isNewConversation, mention } = await prisma.$transaction(async (tx) => {
    let conversation = request.conversationId
      ? await tx.conversation.findFirst({
          // The Create tab's builder conversation is never a preview or store chat.
          where: {
            id: request.conversationId,
            userId: actor.id,
            gptId: host.gpt.id,
            isBuilder: false,
          },
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
          gptId: host.gpt.id,
          versionId: host.versionId,
          isPreview: request.isPreview,
          title: titleFrom(userText),
        },
      });
      if (!request.isPreview) {
        await tx.gpt.update({
          where: { id: host.gpt.id },
          data: { conversationCount: { increment: 1 } },
        });
      }
    }
    // A retry ("regenerate") re-answers the saved question; it saves the text only when the
    // previous attempt failed before the question was stored.
    const last = await tx.message.findFirst({
      where: { conversationId: conversation.id, status: { not: "FAILED" } },
      orderBy: { createdAt: "desc" },
      select: { role: true, parts: true },
    });
    const shouldSaveUserMessage =
      Boolean(userText) && (request.trigger === "submit-message" || last?.role !== "USER");
    const mentionPart: MentionPart | null = requested
      ? { type: MENTION_PART_TYPE, data: { gptId: requested.gpt.id, name: requested.name } }
      : null;
    if (shouldSaveUserMessage && userText) {
      await tx.message.create({
        data: {
          conversationId: conversation.id,
          role: "USER",
          parts: [{ type: "text", text: userText }, ...(mentionPart ? [mentionPart] : [])],
        },
      });
    }
    // A store conversation always talks to the latest published version of its own GPT.
    await tx.conversation.update({
      where: { id: conversation.id },
      data: { versionId: host.versionId, updatedAt: new Date() },
    });
    return {
      conversationId: conversation.id,
      isNewConversation: isNew,
      // Whoever the question being answered mentioned: this one, or the stored one on a retry.
      mention: shouldSaveUserMessage
        ? (mentionPart?.data ?? null)
        : last?.role === "USER"
          ? mentionOf(last.parts)
          : null,
    };
  });

  let source = host;
  let model = requestedModel;
  if (mention && mention.gptId !== host.gpt.id) {
    source =
      requested?.gpt.id === mention.gptId
        ? requested
        : await loadMentionedSource({ actor, gptId: mention.gptId });
    if (source !== requested) model = await requireModel(source.modelConfigId);
  } else if (requested) {
    model = await requireModel(host.modelConfigId);
  }
  const isMention = source !== host;

  const history = await loadTurnHistory(conversationId);
  const question = history.at(-1);
  if (question?.role !== "user") {
    throw new AppError("bad_request", "There is no message to answer. Type a new message.");
  }
  const knowledge = await prepareKnowledgeTurn({
    gptId: source.gpt.id,
    versionId: source.versionId,
    settings: source.knowledge,
    query: question.content,
    isOwner: source.gpt.ownerId === actor.id,
  });
  const actions = await prepareActionTurn({
    gptId: source.gpt.id,
    versionActions: source.versionActions,
    isPreview: request.isPreview,
    capabilities: source.knowledge.capabilities,
  });

  return {
    actor,
    conversationId,
    isNewConversation,
    gpt: source.gpt,
    versionId: source.versionId,
    instructions: source.instructions,
    gptName: source.name,
    model,
    temperature: source.temperature,
    channel: request.isPreview ? "PREVIEW" : "STORE",
    history,
    knowledge,
    actions,
    answeredBy: isMention ? answeredByOf(source) : null,
    hostGptName: isMention ? host.name : undefined,
  };
}

function titleFrom(text: string): string {
  const singleLine = text.replace(/\s+/g, " ").trim();
  return singleLine.length > 60 ? `${singleLine.slice(0, 57)}…` : singleLine;
}
