import "server-only";
import { randomUUID } from "node:crypto";
import {
  createUIMessageStreamResponse,
  isStepCount,
  streamText,
  type ToolSet,
  type UIMessageChunk,
} from "ai";
import { modelFetch } from "../ai/model-fetch";
import { chatModel } from "../ai/providers";
import { ACTION_CALL_PART_TYPE, type ActionCallPartData } from "../gpt-actions/types";
import { buildCitations } from "../knowledge/citations/extract-citations";
import { CITATIONS_PART_TYPE, type Citation } from "../knowledge/citations/types";
import { openSecret } from "../security/secret-box";
import { countPromptTokens, countTokens } from "../usage/count-tokens";
import { ACTIONS_PROMPT, actionTools } from "./action-turn";
import { fitHistory, knowledgePrompt, systemPrompt } from "./build-prompt";
import { KNOWLEDGE_MAX_STEPS, knowledgeTools } from "./knowledge-turn";
import { describeModelError } from "./model-errors";
import type { Turn } from "./prepare-turn";
import { recordAssistantMessage } from "./record-assistant-message";
import type { ChatMessageStatus } from "./schemas";

export const MAX_OUTPUT_TOKENS = 4096;

/**
 * Streams the model's answer as an AI SDK UI message stream (SSE) and persists the outcome exactly
 * once: complete (upstream usage), stopped by the user or disconnected (interrupted, tokens counted
 * locally), or failed (partial text kept, if any).
 */
export async function streamTurn({
  turn,
  requestSignal,
  system: systemOverride,
  tools: extraTools,
  maxSteps: requestedMaxSteps = 1,
  messageId = randomUUID(),
}: {
  turn: Turn;
  requestSignal: AbortSignal;
  /** Replaces the GPT's system prompt (the Create tab's builder assistant has its own). */
  system?: string;
  /** Server-side tools (with `execute`); the loop makes at most `maxSteps` model calls. */
  tools?: ToolSet;
  maxSteps?: number;
  /** The assistant message's id, known up front when tool calls must refer to it. */
  messageId?: string;
}) {
  const abort = new AbortController();
  requestSignal.addEventListener("abort", () => abort.abort(), { once: true });

  const apiKey = turn.model.apiKeyCiphertext
    ? await openSecret(turn.model.apiKeyCiphertext)
    : undefined;
  const knowledge = turn.knowledge ?? null;
  const baseSystem =
    systemOverride ??
    systemPrompt({
      gptName: turn.gptName,
      instructions: turn.instructions,
      hostGptName: turn.hostGptName,
    });
  const actions = turn.actions ?? null;
  const system = [
    baseSystem,
    knowledge
      ? knowledgePrompt({
          sources: knowledge.registry.all(),
          knowledgeOnly: knowledge.knowledgeOnly,
          showFileNames: knowledge.showFileNames,
        })
      : null,
    actions ? ACTIONS_PROMPT : null,
  ]
    .filter(Boolean)
    .join("\n\n");
  // Action calls report their progress (consent, running, result) as data parts: pushed here,
  // interleaved into the browser stream, and their last state is stored with the message.
  const sideChunks = createChunkQueue();
  const actionCalls = new Map<string, ActionCallPartData>();
  const emitActionCall = (data: ActionCallPartData) => {
    actionCalls.set(data.toolCallId, data);
    sideChunks.push({ type: ACTION_CALL_PART_TYPE, id: data.toolCallId, data } as UIMessageChunk);
  };
  // Knowledge and action tools report through data parts; their raw tool chunks stay here.
  const serverTools: ToolSet = {
    ...(knowledge ? knowledgeTools(knowledge) : {}),
    ...(actions
      ? actionTools(actions, {
          userId: turn.actor.id,
          gptId: turn.gpt.id,
          gptName: turn.gptName,
          conversationId: turn.conversationId,
          source: turn.channel === "PREVIEW" ? "PREVIEW" : "CHAT",
          emit: emitActionCall,
        })
      : {}),
  };
  const hiddenToolNames = new Set(Object.keys(serverTools));
  const tools: ToolSet | undefined =
    hiddenToolNames.size > 0 ? { ...serverTools, ...extraTools } : extraTools;
  const maxSteps = Math.max(
    requestedMaxSteps,
    knowledge ? KNOWLEDGE_MAX_STEPS : 1,
    actions ? actions.maxCalls + 1 : 1,
  );
  /** Only passages the answer cites reach the browser or the database. */
  const citationsFor = (answer: string): Citation[] =>
    knowledge
      ? buildCitations({
          text: answer,
          sources: knowledge.registry.all(),
          showFileNames: knowledge.showFileNames,
        })
      : [];
  const messages = fitHistory({
    system,
    history: turn.history,
    contextWindow: turn.model.contextWindow,
  });
  let text = "";
  // An answer that only called tools still did something: it is recorded, not "empty".
  let toolCallCount = 0;
  let isSettled = false;
  const settle = async (outcome: {
    status: ChatMessageStatus;
    usage?: { inputTokens?: number; outputTokens?: number };
    errorMessage?: string;
  }) => {
    if (isSettled) return;
    isSettled = true;
    // A failure before any text produced nothing to keep; the user's message is already saved.
    if (outcome.status === "FAILED" && !text && toolCallCount === 0) return;
    const hasUpstreamUsage =
      outcome.usage?.inputTokens !== undefined && outcome.usage?.outputTokens !== undefined;
    const promptMessages = [
      { content: system },
      ...messages.map((m) => ({ content: String(m.content) })),
    ];
    const usage = hasUpstreamUsage
      ? {
          inputTokens: outcome.usage!.inputTokens!,
          outputTokens: outcome.usage!.outputTokens!,
          isEstimated: false,
        }
      : {
          inputTokens: countPromptTokens(promptMessages),
          outputTokens: countTokens(text),
          isEstimated: true,
        };
    const isEmpty = outcome.status === "COMPLETE" && !text && toolCallCount === 0;
    try {
      await recordAssistantMessage({
        turn,
        messageId,
        text,
        status: isEmpty ? "FAILED" : outcome.status,
        errorMessage: isEmpty ? "The model returned an empty answer." : outcome.errorMessage,
        usage,
        citations: citationsFor(text),
        actionCalls: [...actionCalls.values()],
      });
    } catch (error) {
      console.error("[atelier] could not record assistant message", error);
    }
  };

  const result = streamText({
    model: chatModel({
      baseUrl: turn.model.baseUrl,
      apiKey,
      modelId: turn.model.modelId,
      fetch: await modelFetch(turn.model),
    }),
    system,
    messages,
    maxOutputTokens: Math.min(MAX_OUTPUT_TOKENS, turn.model.contextWindow),
    temperature: turn.temperature ?? undefined,
    maxRetries: 0,
    abortSignal: abort.signal,
    ...(tools ? { tools, stopWhen: isStepCount(maxSteps) } : {}),
    onChunk: ({ chunk }) => {
      if (chunk.type === "text-delta") text += chunk.text;
      if (chunk.type === "tool-call") toolCallCount += 1;
    },
    onEnd: async (event) => {
      await settle({ status: "COMPLETE", usage: event.totalUsage });
    },
    onAbort: async () => {
      await settle({ status: "INTERRUPTED" });
    },
    onError: async ({ error }) => {
      await settle({ status: "FAILED", errorMessage: describeModelError(error) });
    },
  });

  const uiStream = result.toUIMessageStream({
    generateMessageId: () => messageId,
    messageMetadata: ({ part }) =>
      // A mentioned GPT's reply shows its own name and picture from the first chunk.
      part.type === "start"
        ? { conversationId: turn.conversationId, answeredBy: turn.answeredBy ?? null }
        : undefined,
    onError: describeModelError,
  });
  // When the browser goes away (Stop, closed tab), stop the upstream call too.
  const reader = uiStream.getReader();
  // Tool calls and results (raw passages, API bodies) never reach the browser as such: cited
  // passages arrive as a `data-citations` part, updated whenever the answer cites a new label,
  // and action calls as `data-action-call` parts.
  const hiddenToolCalls = new Set<string>();
  let streamedText = "";
  let sentCitationKey = "";
  let pendingRead: Promise<ReadableStreamReadResult<UIMessageChunk>> | null = null;
  const body = new ReadableStream<UIMessageChunk>({
    async pull(controller) {
      try {
        for (;;) {
          const side = sideChunks.shift();
          if (side) {
            controller.enqueue(side);
            return;
          }
          // While a tool waits (for consent, say) the model stream is quiet: side chunks go out.
          pendingRead ??= reader.read();
          const next = await Promise.race([pendingRead, sideChunks.whenPushed()]);
          if (next === "pushed") continue;
          pendingRead = null;
          const { done, value } = next;
          if (done) {
            const rest = sideChunks.drain();
            for (const chunk of rest) controller.enqueue(chunk);
            controller.close();
            return;
          }
          if (isHiddenToolChunk(value, hiddenToolNames, hiddenToolCalls)) continue;
          controller.enqueue(value);
          if (knowledge && value.type === "text-delta") {
            streamedText += value.delta;
            const citations = citationsFor(streamedText);
            const key = citations.map((citation) => citation.n).join(",");
            if (key !== sentCitationKey) {
              sentCitationKey = key;
              controller.enqueue({
                type: CITATIONS_PART_TYPE,
                id: "citations",
                data: { citations },
              } as UIMessageChunk);
            }
          }
          return;
        }
      } catch (error) {
        // A broken upstream connection can surface here instead of as an error part.
        const errorText = describeModelError(error);
        await settle({ status: "FAILED", errorMessage: errorText });
        controller.enqueue({ type: "error", errorText });
        controller.close();
      }
    },
    cancel(reason) {
      abort.abort(reason);
      return reader.cancel(reason);
    },
  });
  return createUIMessageStreamResponse({
    stream: body,
    headers: { "x-conversation-id": turn.conversationId },
  });
}

/** Chunks of a server tool's call (remembered by id from the chunk that names the tool). */
function isHiddenToolChunk(
  chunk: UIMessageChunk,
  names: Set<string>,
  hidden: Set<string>,
): boolean {
  if (!chunk.type.startsWith("tool-") || !("toolCallId" in chunk)) return false;
  if ("toolName" in chunk && names.has(chunk.toolName)) hidden.add(chunk.toolCallId);
  return hidden.has(chunk.toolCallId);
}

/** Chunks produced outside the model stream, with a way to wait for the next one. */
function createChunkQueue() {
  const chunks: UIMessageChunk[] = [];
  let wake: (() => void) | null = null;
  return {
    push(chunk: UIMessageChunk) {
      chunks.push(chunk);
      wake?.();
      wake = null;
    },
    shift: () => chunks.shift(),
    drain: () => chunks.splice(0),
    whenPushed(): Promise<"pushed"> {
      if (chunks.length > 0) return Promise.resolve("pushed");
      return new Promise((resolve) => {
        const previous = wake;
        wake = () => {
          previous?.();
          resolve("pushed");
        };
      });
    },
  };
}
