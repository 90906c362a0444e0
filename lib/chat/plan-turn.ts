import "server-only";
import type { Actor } from "../auth/session";
import { prisma } from "../db";
import { AppError } from "../errors";
import type { ModelConfig } from "../generated/prisma/client";
import { resolveModelCached } from "../models/queries";
import {
  type AnsweringSource,
  loadConversationSource,
  loadMentionedSource,
} from "./answering-source";
import {
  type ChatRequest,
  MENTION_PART_TYPE,
  type MentionPart,
  mentionOf,
  textOf,
} from "./schemas";

export const NO_MODEL_MESSAGE =
  "No model is configured on this Atelier instance yet. An administrator can add one under Admin → Models.";
export const ANSWER_IN_PROGRESS_MESSAGE =
  "An answer is still being written in this conversation. Wait for it to finish, or stop it first.";

/** What a turn will write and who answers it, decided before anything is written. */
export type TurnPlan = {
  actor: Actor;
  /** The conversation's own GPT (published version, or the draft in its owner's preview). */
  host: AnsweringSource;
  /** What answers this turn: the host, or an @mentioned GPT's published version. */
  source: AnsweringSource;
  model: ModelConfig;
  isPreview: boolean;
  /** Null: a new conversation, created in the write-ahead transaction. */
  conversationId: string | null;
  /** The user's message to save (null when regenerating the answer to a saved one). */
  userMessageParts: unknown[] | null;
  /** Visible messages this turn replaces (regenerate, edit): hidden, never deleted. */
  supersededMessageIds: string[];
  /** Regenerate: the saved question answered again. */
  savedQuestionId: string | null;
  /** The question being answered (for retrieval and the conversation title). */
  question: string;
};

async function requireModel(modelConfigId: string | null): Promise<ModelConfig> {
  const resolved = await resolveModelCached(modelConfigId);
  if (!resolved) throw new AppError("unavailable", NO_MODEL_MESSAGE);
  return resolved.model;
}

type VisibleMessage = { id: string; role: "USER" | "ASSISTANT"; parts: unknown; status: string };

/** The newest visible messages, newest first: enough to reach the last question. */
async function latestMessages(conversationId: string): Promise<VisibleMessage[]> {
  return prisma.message.findMany({
    where: { conversationId, supersededAt: null },
    orderBy: { createdAt: "desc" },
    take: 6,
    select: { id: true, role: true, parts: true, status: true },
  });
}

/**
 * Everything a turn needs decided before it writes: authorisation, what answers (the published
 * version, the owner's draft in preview, or an @mentioned GPT's published version for this reply
 * only), the model, and what the write-ahead will save or supersede. Reads only, so a refusal
 * here leaves nothing behind.
 *
 * - submit: saves the new message and answers it.
 * - regenerate: answers the last question again; the answers after it are superseded.
 * - edit: replaces the last question (it and everything after it are superseded) with new text.
 */
export async function planTurn({
  actor,
  request,
}: {
  actor: Actor;
  request: ChatRequest;
}): Promise<TurnPlan> {
  const host = await loadConversationSource({
    actor,
    gptId: request.gptId,
    isPreview: request.isPreview,
  });
  if (request.mentionGptId && request.isPreview) {
    throw new AppError("bad_request", "Other GPTs can't be mentioned in the preview.");
  }
  const text = request.message?.text;
  if (request.trigger !== "regenerate-message" && !text) {
    throw new AppError("bad_request", "Type a message first.");
  }

  let latest: VisibleMessage[] = [];
  if (request.conversationId) {
    const conversation = await prisma.conversation.findFirst({
      // The Create tab's builder conversation is never a preview or store chat.
      where: {
        id: request.conversationId,
        userId: actor.id,
        gptId: host.gpt.id,
        isBuilder: false,
        isHidden: false,
      },
      select: { id: true, isPreview: true },
    });
    if (!conversation) throw new AppError("not_found", "Conversation not found.");
    if (conversation.isPreview !== request.isPreview) {
      throw new AppError("bad_request", "This conversation belongs to another chat mode.");
    }
    latest = await latestMessages(conversation.id);
    if (latest[0]?.status === "STREAMING") {
      // The detail lets a client resume the answer in progress (GET /api/chat/:id/stream).
      throw new AppError("conflict", ANSWER_IN_PROGRESS_MESSAGE, undefined, {
        details: { reason: "answer_in_progress" },
      });
    }
  } else if (request.trigger !== "submit-message") {
    throw new AppError("bad_request", "There is no message to answer. Type a new message.");
  }

  const lastQuestionIndex = latest.findIndex((message) => message.role === "USER");
  const lastQuestion = lastQuestionIndex >= 0 ? latest[lastQuestionIndex] : null;
  let supersededMessageIds: string[] = [];
  let mention: MentionPart["data"] | null = null;
  let question = text ?? "";
  if (request.trigger === "regenerate-message") {
    if (!lastQuestion) {
      throw new AppError("bad_request", "There is no message to answer. Type a new message.");
    }
    supersededMessageIds = latest.slice(0, lastQuestionIndex).map((message) => message.id);
    mention = mentionOf(lastQuestion.parts);
    question = textOf(lastQuestion.parts);
  } else if (request.trigger === "edit-message") {
    if (!lastQuestion || (request.editMessageId && lastQuestion.id !== request.editMessageId)) {
      throw new AppError("conflict", "Only your latest message can be edited.");
    }
    supersededMessageIds = latest.slice(0, lastQuestionIndex + 1).map((message) => message.id);
  }

  let source = host;
  if (request.trigger !== "regenerate-message" && request.mentionGptId) {
    // Mentioning the conversation's own GPT is just a normal turn.
    if (request.mentionGptId !== host.gpt.id) {
      source = await loadMentionedSource({ actor, gptId: request.mentionGptId });
      mention = { gptId: source.gpt.id, name: source.name };
    }
  } else if (mention && mention.gptId !== host.gpt.id) {
    source = await loadMentionedSource({ actor, gptId: mention.gptId });
  }
  const model = await requireModel(source.modelConfigId);

  const userMessageParts =
    request.trigger === "regenerate-message"
      ? null
      : [
          { type: "text", text: question },
          ...(mention ? [{ type: MENTION_PART_TYPE, data: mention }] : []),
        ];
  return {
    actor,
    host,
    source,
    model,
    isPreview: request.isPreview,
    conversationId: request.conversationId ?? null,
    userMessageParts,
    supersededMessageIds,
    savedQuestionId: request.trigger === "regenerate-message" ? (lastQuestion?.id ?? null) : null,
    question,
  };
}
