import "server-only";
import { randomUUID } from "node:crypto";
import {
  createUIMessageStreamResponse,
  isStepCount,
  streamText,
  type ToolSet,
  type UIMessageChunk,
} from "ai";
import { chatModel } from "../ai/providers";
import { buildCitations } from "../knowledge/citations/extract-citations";
import { CITATIONS_PART_TYPE, type Citation } from "../knowledge/citations/types";
import { KNOWLEDGE_TOOL_NAME } from "../knowledge/retrieval/retrieval-tool";
import { openSecret } from "../security/secret-box";
import { countPromptTokens, countTokens } from "../usage/count-tokens";
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
    systemOverride ?? systemPrompt({ gptName: turn.gptName, instructions: turn.instructions });
  const system = knowledge
    ? `${baseSystem}\n\n${knowledgePrompt({
        sources: knowledge.registry.all(),
        knowledgeOnly: knowledge.knowledgeOnly,
        showFileNames: knowledge.showFileNames,
      })}`
    : baseSystem;
  const tools: ToolSet | undefined = knowledge
    ? { ...knowledgeTools(knowledge), ...extraTools }
    : extraTools;
  const maxSteps = knowledge ? Math.max(requestedMaxSteps, KNOWLEDGE_MAX_STEPS) : requestedMaxSteps;
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
      });
    } catch (error) {
      console.error("[atelier] could not record assistant message", error);
    }
  };

  const result = streamText({
    model: chatModel({ baseUrl: turn.model.baseUrl, apiKey, modelId: turn.model.modelId }),
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
      part.type === "start" ? { conversationId: turn.conversationId } : undefined,
    onError: describeModelError,
  });
  // When the browser goes away (Stop, closed tab), stop the upstream call too.
  const reader = uiStream.getReader();
  // The knowledge tool's calls and results (raw passages) never reach the browser; its cited
  // passages arrive as a `data-citations` part, updated whenever the answer cites a new label.
  const hiddenToolCalls = new Set<string>();
  let streamedText = "";
  let sentCitationKey = "";
  const body = new ReadableStream<UIMessageChunk>({
    async pull(controller) {
      try {
        for (;;) {
          const { done, value } = await reader.read();
          if (done) {
            controller.close();
            return;
          }
          if (knowledge && isHiddenToolChunk(value, hiddenToolCalls)) continue;
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

/** Chunks of a knowledge tool call (remembered by id from the chunk that names the tool). */
function isHiddenToolChunk(chunk: UIMessageChunk, hidden: Set<string>): boolean {
  if (!chunk.type.startsWith("tool-") || !("toolCallId" in chunk)) return false;
  if ("toolName" in chunk && chunk.toolName === KNOWLEDGE_TOOL_NAME) hidden.add(chunk.toolCallId);
  return hidden.has(chunk.toolCallId);
}
