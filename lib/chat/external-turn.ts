import "server-only";
import { hasApiActionPermission } from "../api-keys/action-permissions";
import type { Actor } from "../auth/session";
import { prisma } from "../db";
import { AppError } from "../errors";
import { getChatLimits } from "../limits/chat-limits";
import { resolveModelCached } from "../models/queries";
import { prepareActionTurn } from "./action-turn";
import { loadConversationSource } from "./answering-source";
import { beginTurn } from "./engine/begin-turn";
import type { LiveAnswer } from "./engine/live-answers";
import { admitTurn } from "./engine/turn-admission";
import { prepareKnowledgeTurn } from "./knowledge-turn";
import { ANSWER_IN_PROGRESS_MESSAGE, NO_MODEL_MESSAGE } from "./plan-turn";
import { loadTurnHistory, type TurnHistory, titleFrom } from "./prepare-turn";
import { startLiveAnswer } from "./stream-turn";

export type ExternalMessage = { role: "system" | "user" | "assistant"; content: string };

export type ExternalTurnRequest = {
  /** Whose allowance and credits pay: the API key's owner, or the GPT's creator (embed). */
  payer: Actor;
  gptId: string;
  channel: "API" | "EMBED";
  /**
   * The caller's messages, the last one the user's question. Stateless calls answer from them as
   * sent; a stored conversation answers from its saved history plus the last user message.
   */
  messages: ExternalMessage[];
  conversation:
    | { id: string; visitorId?: string }
    | { create: { visitorId?: string; apiKeyId?: string; isStored?: boolean } };
  maxOutputTokens?: number;
  temperature?: number;
};

export type ExternalTurn = {
  live: LiveAnswer;
  conversationId: string;
  messageId: string;
  /** The answering version's GPT (for the API's `model` field and citations' links). */
  gpt: { id: string; name: string };
};

/**
 * A chat turn for someone outside the app's chat screen: an API caller (channel API) or a website
 * visitor through a creator's widget (channel EMBED). It runs through the same engine as a store
 * turn (admission, limits and credits on the payer, write-ahead, one usage event per answer), so
 * answers started = saved = metered holds for it too. Only the exchange being answered is saved:
 * a stateless API call's conversation and a visitor's chat are hidden from the payer's history.
 */
export async function startExternalTurn(request: ExternalTurnRequest): Promise<ExternalTurn> {
  const question = lastQuestion(request.messages);
  const ticket = admitTurn();
  try {
    await ticket.whenStartable();
    const { payer, channel } = request;
    const source = await loadConversationSource({
      actor: payer,
      gptId: request.gptId,
      isPreview: false,
    });
    const resolved = await resolveModelCached(source.modelConfigId);
    if (!resolved) throw new AppError("unavailable", NO_MODEL_MESSAGE);
    const model = resolved.model;
    const existingId =
      "id" in request.conversation
        ? await findOwnConversation({ request, conversationId: request.conversation.id })
        : null;
    const create = "create" in request.conversation ? request.conversation.create : null;
    const isStored = channel === "API" ? Boolean(existingId || create?.isStored) : true;
    const limits = await getChatLimits();
    const begun = await beginTurn({
      actor: payer,
      conversation: existingId
        ? { id: existingId, versionId: source.versionId }
        : {
            create: {
              gptId: source.gpt.id,
              versionId: source.versionId,
              isPreview: false,
              title: titleFrom(question),
              origin: channel,
              // A stored API conversation is the key owner's, in their history; the others not.
              isHidden: !(channel === "API" && isStored),
              visitorId: create?.visitorId ?? null,
              apiKeyId: create?.apiKeyId ?? null,
            },
            isCounted: isStored,
          },
      userMessageParts: [{ type: "text", text: question }],
      supersededMessageIds: [],
      answer: {
        gptId: source.gpt.id,
        channel,
        versionId: source.versionId,
        modelConfigId: model.id,
      },
      model,
      limits,
    });
    const live = startLiveAnswer({
      begun,
      actor: payer,
      meter: {
        userId: payer.id,
        gptId: source.gpt.id,
        creatorId: source.gpt.ownerId,
        channel,
        modelId: model.modelId,
        inputPricePerMillion: model.inputPricePerMillion,
        outputPricePerMillion: model.outputPricePerMillion,
      },
      answeredBy: null,
      ticket,
      prepare: async () => {
        const history: TurnHistory = existingId
          ? await loadTurnHistory(begun.conversationId)
          : callerHistory(request.messages);
        const knowledge = await prepareKnowledgeTurn({
          gptId: source.gpt.id,
          versionId: source.versionId,
          settings: source.knowledge,
          query: question,
          // A visitor is never the owner, although the owner pays for the visit.
          isOwner: channel === "API" && source.gpt.ownerId === payer.id,
        });
        const actions = await prepareActionTurn({
          gptId: source.gpt.id,
          versionActions: source.versionActions,
          isPreview: false,
          capabilities: source.knowledge.capabilities,
        });
        const callerInstructions = request.messages
          .filter((message) => message.role === "system" && message.content.trim())
          .map((message) => message.content.trim())
          .join("\n\n");
        return {
          turn: {
            actor: payer,
            conversationId: begun.conversationId,
            isNewConversation: begun.isNewConversation,
            messageId: begun.messageId,
            gpt: source.gpt,
            versionId: source.versionId,
            instructions: source.instructions,
            gptName: source.name,
            model,
            temperature: request.temperature ?? source.temperature,
            channel,
            history,
            knowledge,
            actions,
            actionConsent:
              channel === "EMBED"
                ? { mode: "embed" }
                : {
                    mode: "api",
                    isAllowed: await hasApiActionPermission({
                      userId: payer.id,
                      gptId: source.gpt.id,
                    }),
                  },
            callerInstructions: callerInstructions || undefined,
            maxOutputTokens: request.maxOutputTokens,
          },
        };
      },
    });
    return {
      live,
      conversationId: begun.conversationId,
      messageId: begun.messageId,
      gpt: { id: source.gpt.id, name: source.name },
    };
  } catch (error) {
    ticket.finished();
    throw error;
  }
}

/** The user's question: the last message, which must be a user message with text. */
function lastQuestion(messages: ExternalMessage[]): string {
  const last = messages.at(-1);
  if (last?.role !== "user") {
    throw new AppError("bad_request", "The last message must be a user message.", undefined, {
      details: { param: "messages" },
    });
  }
  if (!last.content.trim()) {
    throw new AppError("bad_request", "The last user message is empty.", undefined, {
      details: { param: "messages" },
    });
  }
  return last.content;
}

function callerHistory(messages: ExternalMessage[]): TurnHistory {
  return messages
    .filter(
      (message): message is ExternalMessage & { role: "user" | "assistant" } =>
        message.role !== "system" && message.content.length > 0,
    )
    .map((message) => ({ role: message.role, content: message.content }));
}

/**
 * A stored conversation the caller may continue: the key owner's own, of this GPT (an embed
 * visitor's, for that visitor only), with no answer still being written.
 */
async function findOwnConversation({
  request,
  conversationId,
}: {
  request: ExternalTurnRequest;
  conversationId: string;
}): Promise<string> {
  const visitorId = "id" in request.conversation ? request.conversation.visitorId : undefined;
  const conversation = await prisma.conversation.findFirst({
    where: {
      id: conversationId,
      userId: request.payer.id,
      gptId: request.gptId,
      isPreview: false,
      isBuilder: false,
      ...(request.channel === "EMBED"
        ? { origin: "EMBED", visitorId: visitorId ?? "-" }
        : { isHidden: false }),
    },
    select: { id: true },
  });
  if (!conversation) {
    throw new AppError("not_found", "Conversation not found.", undefined, {
      details: { param: "conversation" },
    });
  }
  const streaming = await prisma.message.count({
    where: { conversationId, status: "STREAMING" },
  });
  if (streaming > 0) throw new AppError("conflict", ANSWER_IN_PROGRESS_MESSAGE);
  return conversation.id;
}
