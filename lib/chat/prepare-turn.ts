import "server-only";
import type { Actor } from "../auth/session";
import { prisma } from "../db";
import type { ModelConfig } from "../generated/prisma/client";
import { type ActionTurn, type ConsentMode, prepareActionTurn } from "./action-turn";
import { answeredByOf, GPT_UNAVAILABLE_MESSAGE } from "./answering-source";
import type { BegunTurn } from "./engine/begin-turn";
import { type KnowledgeTurn, prepareKnowledgeTurn } from "./knowledge-turn";
import type { TurnPlan } from "./plan-turn";
import { type AnsweredBy, textOf } from "./schemas";

export { NO_MODEL_MESSAGE } from "./plan-turn";
export { GPT_UNAVAILABLE_MESSAGE };

export type TurnHistory = { role: "user" | "assistant"; content: string }[];

/**
 * The model's view of a conversation, re-read from the database on every turn (the browser never
 * sends history): the text of every visible message that was answered (complete or interrupted)
 * or asked, oldest first. Failed, superseded and still-streaming answers are left out.
 */
export async function loadTurnHistory(conversationId: string): Promise<TurnHistory> {
  const stored = await prisma.message.findMany({
    where: { conversationId, supersededAt: null, status: { in: ["COMPLETE", "INTERRUPTED"] } },
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

/** Everything the model call of one turn needs. */
export type Turn = {
  actor: Actor;
  conversationId: string;
  isNewConversation: boolean;
  /** The answer's message (STREAMING since the write-ahead). */
  messageId: string;
  /** The GPT that answers this turn (the @mentioned one, if any): it is metered and earns. */
  gpt: { id: string; ownerId: string };
  versionId: string | null;
  instructions: string;
  gptName: string;
  model: ModelConfig;
  /** The answering source's sampling temperature; null leaves the model's default. */
  temperature: number | null;
  channel: "STORE" | "PREVIEW" | "API" | "EMBED";
  history: TurnHistory;
  /** Knowledge retrieved for this turn; absent without the capability or live files. */
  knowledge?: KnowledgeTurn | null;
  /** Actions this turn may call; absent without the capability or enabled operations. */
  actions?: ActionTurn | null;
  /** Set when an @mentioned GPT answers instead of the conversation's own. */
  answeredBy?: AnsweredBy | null;
  /** The conversation's own GPT, named in a mentioned GPT's system prompt. */
  hostGptName?: string;
  /** Who may allow an action call (action-turn.ts ConsentMode); "ask" when absent. */
  actionConsent?: ConsentMode;
  /** API callers' system messages, added after the GPT's instructions. */
  callerInstructions?: string;
  /** A caller's cap on the answer's length (OpenAI's max_tokens). */
  maxOutputTokens?: number;
};

/**
 * After the write-ahead: the history (a new conversation's is just the question, no read needed),
 * knowledge retrieved for the question, and the actions the answer may call.
 */
export async function buildChatTurn({
  plan,
  begun,
}: {
  plan: TurnPlan;
  begun: BegunTurn;
}): Promise<Turn> {
  const { source, actor } = plan;
  const isMention = source !== plan.host;
  const history: TurnHistory = begun.isNewConversation
    ? [{ role: "user", content: plan.question }]
    : await loadTurnHistory(begun.conversationId);
  const knowledge = await prepareKnowledgeTurn({
    gptId: source.gpt.id,
    versionId: source.versionId,
    settings: source.knowledge,
    query: plan.question,
    isOwner: source.gpt.ownerId === actor.id,
  });
  const actions = await prepareActionTurn({
    gptId: source.gpt.id,
    versionActions: source.versionActions,
    isPreview: plan.isPreview,
    capabilities: source.knowledge.capabilities,
  });
  return {
    actor,
    conversationId: begun.conversationId,
    isNewConversation: begun.isNewConversation,
    messageId: begun.messageId,
    gpt: source.gpt,
    versionId: source.versionId,
    instructions: source.instructions,
    gptName: source.name,
    model: plan.model,
    temperature: source.temperature,
    channel: plan.isPreview ? "PREVIEW" : "STORE",
    history,
    knowledge,
    actions,
    answeredBy: isMention ? answeredByOf(source) : null,
    hostGptName: isMention ? plan.host.name : undefined,
  };
}

export function titleFrom(text: string): string {
  const singleLine = text.replace(/\s+/g, " ").trim();
  return singleLine.length > 60 ? `${singleLine.slice(0, 57)}…` : singleLine;
}
