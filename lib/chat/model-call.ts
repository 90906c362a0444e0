import "server-only";
import { isStepCount, streamText, type ToolSet, type UIMessageChunk } from "ai";
import { streamChatCompletion } from "../ai/chat-completion-stream";
import { modelFetch } from "../ai/model-fetch";
import { MAX_OUTPUT_TOKENS } from "../ai/output-limit";
import { chatModel } from "../ai/providers";
import type { ActionCallPartData } from "../gpt-actions/types";
import { buildCitations } from "../knowledge/citations/extract-citations";
import type { Citation } from "../knowledge/citations/types";
import { openSecret } from "../security/secret-box";
import { ACTIONS_PROMPT, actionTools } from "./action-turn";
import { fitHistory, knowledgePrompt, systemPrompt } from "./build-prompt";
import { KNOWLEDGE_MAX_STEPS, knowledgeTools } from "./knowledge-turn";
import { describeModelError } from "./model-errors";
import type { Turn } from "./prepare-turn";

export const SHUTDOWN_MESSAGE =
  "The server restarted while this answer was being written. Regenerate it to get a full answer.";

/** How the answer is produced: the GPT's own prompt, or the builder assistant's. */
export type AnswerSpec = {
  turn: Turn;
  /** Replaces the GPT's system prompt (the Create tab's builder assistant has its own). */
  system?: string;
  /** Server-side tools (with `execute`) besides knowledge and actions. */
  tools?: ToolSet;
  /** Model calls the answer may make (tool calls, then the answer). */
  maxSteps?: number;
};

export type Ending = {
  status: "COMPLETE" | "INTERRUPTED" | "FAILED";
  usage?: { inputTokens?: number; outputTokens?: number };
  errorMessage?: string;
};

/** What the generation learns while the chunks flow (the final write needs it). */
export type Progress = { text: string; toolCallCount: number; ending: Ending | null };

export type ModelCall = Awaited<ReturnType<typeof buildModelCall>>;

/** The prompt, history fitted to the window, tools and step budget of one answer. */
export async function buildModelCall(
  { turn, system: systemOverride, tools: extraTools, maxSteps: requestedMaxSteps = 1 }: AnswerSpec,
  { onActionCall }: { onActionCall: (data: ActionCallPartData) => void },
) {
  const apiKey = turn.model.apiKeyCiphertext
    ? await openSecret(turn.model.apiKeyCiphertext)
    : undefined;
  const knowledge = turn.knowledge ?? null;
  const actions = turn.actions ?? null;
  const system = [
    systemOverride ??
      systemPrompt({
        gptName: turn.gptName,
        instructions: turn.instructions,
        hostGptName: turn.hostGptName,
      }),
    turn.callerInstructions
      ? `Instructions from the API caller (they come after, and never override, the GPT's own):\n${turn.callerInstructions}`
      : null,
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
  const serverTools: ToolSet = {
    ...(knowledge ? knowledgeTools(knowledge) : {}),
    ...(actions
      ? actionTools(actions, {
          userId: turn.actor.id,
          gptId: turn.gpt.id,
          gptName: turn.gptName,
          conversationId: turn.conversationId,
          source: turn.channel === "PREVIEW" ? "PREVIEW" : "CHAT",
          consent: turn.actionConsent ?? "ask",
          emit: onActionCall,
        })
      : {}),
  };
  const hiddenToolNames = new Set(Object.keys(serverTools));
  const tools: ToolSet | undefined =
    hiddenToolNames.size > 0 ? { ...serverTools, ...extraTools } : extraTools;
  const messages = fitHistory({
    system,
    history: turn.history,
    contextWindow: turn.model.contextWindow,
  }) as { role: "user" | "assistant"; content: string }[];
  return {
    system,
    messages,
    tools,
    maxSteps: Math.max(
      requestedMaxSteps,
      knowledge ? KNOWLEDGE_MAX_STEPS : 1,
      actions ? actions.maxCalls + 1 : 1,
    ),
    hiddenToolNames,
    hasKnowledge: knowledge !== null,
    /** Only passages the answer cites reach the browser or the database. */
    citationsFor: (answer: string): Citation[] =>
      knowledge
        ? buildCitations({
            text: answer,
            sources: knowledge.registry.all(),
            showFileNames: knowledge.showFileNames,
          })
        : [],
    promptMessages: [{ content: system }, ...messages.map((m) => ({ content: m.content }))],
    endpoint: {
      baseUrl: turn.model.baseUrl,
      apiKey,
      modelId: turn.model.modelId,
      fetch: await modelFetch(turn.model),
    },
    maxOutputTokens: Math.min(
      turn.maxOutputTokens ?? MAX_OUTPUT_TOKENS,
      MAX_OUTPUT_TOKENS,
      turn.model.contextWindow,
    ),
    temperature: turn.temperature ?? undefined,
  };
}

type ChunkOptions = {
  call: ModelCall;
  signal: AbortSignal;
  progress: Progress;
  messageId: string;
  startMetadata: Record<string, unknown>;
};

const abortEnding = (signal: AbortSignal): Ending => ({
  status: "INTERRUPTED",
  errorMessage: signal.reason === "shutdown" ? SHUTDOWN_MESSAGE : undefined,
});

/**
 * The answer as UI message chunks. Turns with tools go through the AI SDK (its multi-step tool
 * loop); turns without them call the endpoint directly (chat-completion-stream.ts), which emits
 * the same chunk sequence at a fraction of the CPU per delta.
 */
export function answerChunks(options: ChunkOptions): AsyncIterable<UIMessageChunk> {
  return options.call.tools ? toolLoopChunks(options) : plainChunks(options);
}

function toolLoopChunks({
  call,
  signal,
  progress,
  messageId,
  startMetadata,
}: ChunkOptions): AsyncIterable<UIMessageChunk> {
  const result = streamText({
    model: chatModel(call.endpoint),
    system: call.system,
    messages: call.messages,
    maxOutputTokens: call.maxOutputTokens,
    temperature: call.temperature,
    maxRetries: 0,
    tools: call.tools,
    stopWhen: isStepCount(call.maxSteps),
    abortSignal: signal,
    onChunk: ({ chunk }) => {
      if (chunk.type === "text-delta") progress.text += chunk.text;
      if (chunk.type === "tool-call") progress.toolCallCount += 1;
    },
    onEnd: (event) => {
      progress.ending ??= { status: "COMPLETE", usage: event.totalUsage };
    },
    onAbort: () => {
      progress.ending ??= abortEnding(signal);
    },
    onError: ({ error }) => {
      progress.ending ??= { status: "FAILED", errorMessage: describeModelError(error) };
    },
  });
  return result.toUIMessageStream({
    generateMessageId: () => messageId,
    // A mentioned GPT's reply shows its own name and picture from the first chunk.
    messageMetadata: ({ part }) => (part.type === "start" ? startMetadata : undefined),
    onError: describeModelError,
  });
}

async function* plainChunks({
  call,
  signal,
  progress,
  messageId,
  startMetadata,
}: ChunkOptions): AsyncGenerator<UIMessageChunk> {
  yield { type: "start", messageId, messageMetadata: startMetadata };
  yield { type: "start-step" };
  const textId = "text-0";
  let isTextOpen = false;
  let usage: Ending["usage"];
  try {
    for await (const event of streamChatCompletion({
      ...call.endpoint,
      system: call.system,
      messages: call.messages,
      maxOutputTokens: call.maxOutputTokens,
      temperature: call.temperature,
      signal,
    })) {
      if (event.type === "text") {
        if (!isTextOpen) {
          isTextOpen = true;
          yield { type: "text-start", id: textId };
        }
        progress.text += event.delta;
        yield { type: "text-delta", id: textId, delta: event.delta };
      } else if (event.type === "usage") {
        usage = { inputTokens: event.inputTokens, outputTokens: event.outputTokens };
      }
    }
    if (isTextOpen) yield { type: "text-end", id: textId };
    yield { type: "finish-step" };
    progress.ending ??= { status: "COMPLETE", usage };
    yield { type: "finish", finishReason: "stop" };
  } catch (error) {
    if (signal.aborted) {
      progress.ending ??= abortEnding(signal);
      if (isTextOpen) yield { type: "text-end", id: textId };
      yield { type: "abort" };
      return;
    }
    const errorText = describeModelError(error);
    progress.ending ??= { status: "FAILED", errorMessage: errorText };
    yield { type: "error", errorText };
  }
}

/** Chunks of a server tool's call (remembered by id from the chunk that names the tool). */
export function isHiddenToolChunk(
  chunk: UIMessageChunk,
  names: Set<string>,
  hidden: Set<string>,
): boolean {
  if (!chunk.type.startsWith("tool-") || !("toolCallId" in chunk)) return false;
  if ("toolName" in chunk && names.has(chunk.toolName)) hidden.add(chunk.toolCallId);
  return hidden.has(chunk.toolCallId);
}
