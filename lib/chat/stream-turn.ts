import "server-only";
import {
  createUIMessageStreamResponse,
  isStepCount,
  streamText,
  type ToolSet,
  type UIMessageChunk,
} from "ai";
import { modelFetch } from "../ai/model-fetch";
import { chatModel } from "../ai/providers";
import { isAppError } from "../errors";
import { ACTION_CALL_PART_TYPE, type ActionCallPartData } from "../gpt-actions/types";
import { buildCitations } from "../knowledge/citations/extract-citations";
import { CITATIONS_PART_TYPE, type Citation } from "../knowledge/citations/types";
import { openSecret } from "../security/secret-box";
import { countPromptTokens, countTokens } from "../usage/count-tokens";
import { ACTIONS_PROMPT, actionTools } from "./action-turn";
import { fitHistory, knowledgePrompt, systemPrompt } from "./build-prompt";
import type { BegunTurn } from "./engine/begin-turn";
import { Checkpointer } from "./engine/checkpointer";
import type { AnswerMeter, AnswerOutcome } from "./engine/finalize-answer";
import { finalizeAnswerDurably } from "./engine/finalize-durably";
import { LiveAnswer, registerLiveAnswer, unregisterLiveAnswer } from "./engine/live-answers";
import type { TurnTicket } from "./engine/turn-admission";
import { KNOWLEDGE_MAX_STEPS, knowledgeTools } from "./knowledge-turn";
import { describeModelError } from "./model-errors";
import type { Turn } from "./prepare-turn";
import type { AnsweredBy } from "./schemas";

export const MAX_OUTPUT_TOKENS = 4096;
export const SHUTDOWN_MESSAGE =
  "The server restarted while this answer was being written. Regenerate it to get a full answer.";
const PREPARE_FAILED_MESSAGE =
  "Something went wrong while preparing the answer. Retry in a moment.";

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

/**
 * Starts generating a begun turn's answer and returns the browser's response at once. The answer
 * is produced by a task of its own (see LiveAnswer): the response is only its first reader, so a
 * closed tab or a reload does not stop it; an explicit stop or a shutdown does. Whatever happens
 * (complete, stopped, failed, even a failure while preparing), the task finalises the STREAMING
 * row with exactly one usage event before the browser sees the end of the stream.
 */
export function startAnswer({
  begun,
  actor,
  meter,
  answeredBy,
  ticket,
  prepare,
}: {
  begun: BegunTurn;
  actor: { id: string };
  meter: AnswerMeter;
  answeredBy: AnsweredBy | null;
  ticket: TurnTicket;
  /** Builds the model call (history, knowledge, tools): runs inside the answer task. */
  prepare: () => Promise<AnswerSpec>;
}): Response {
  const live = new LiveAnswer({
    messageId: begun.messageId,
    conversationId: begun.conversationId,
    userId: actor.id,
  });
  registerLiveAnswer(live);
  const response = createUIMessageStreamResponse({
    stream: live.readable(),
    headers: { "x-conversation-id": begun.conversationId },
  });
  void generateAnswer({ live, begun, meter, answeredBy, ticket, prepare })
    .catch((error: unknown) => console.error("[atelier] answer task failed", error))
    .finally(() => {
      unregisterLiveAnswer(live);
      ticket.finished();
    });
  return response;
}

type Ending = {
  status: "COMPLETE" | "INTERRUPTED" | "FAILED";
  usage?: { inputTokens?: number; outputTokens?: number };
  errorMessage?: string;
};

async function generateAnswer({
  live,
  begun,
  meter,
  answeredBy,
  ticket,
  prepare,
}: {
  live: LiveAnswer;
  begun: BegunTurn;
  meter: AnswerMeter;
  answeredBy: AnsweredBy | null;
  ticket: TurnTicket;
  prepare: () => Promise<AnswerSpec>;
}): Promise<void> {
  // The saved question's id lets the browser edit it later (its own id for it is a local one).
  const startMetadata = {
    conversationId: begun.conversationId,
    questionId: begun.questionId,
    answeredBy,
    status: "STREAMING",
  };
  let hasStarted = false;
  let text = "";
  // An answer that only called tools still did something: it is recorded, not "empty".
  let toolCallCount = 0;
  let ending: Ending | null = null;
  let promptMessages: { content: string }[] = [];
  let citationsFor: (answer: string) => Citation[] = () => [];
  const actionCalls = new Map<string, ActionCallPartData>();
  const storedParts = () => [
    ...[...actionCalls.values()].map((data) => ({
      type: ACTION_CALL_PART_TYPE,
      id: data.toolCallId,
      data,
    })),
    ...(text ? [{ type: "text", text }] : []),
    ...citationPart(citationsFor(text)),
  ];
  const checkpointer = new Checkpointer({ messageId: begun.messageId, snapshot: storedParts });
  // Terminal chunks wait until the answer is saved: a reload after "finish" must find it final.
  const held: UIMessageChunk[] = [];

  try {
    const spec = await prepare();
    const built = await buildModelCall(spec, {
      onActionCall: (data) => {
        actionCalls.set(data.toolCallId, data);
        live.push({ type: ACTION_CALL_PART_TYPE, id: data.toolCallId, data } as UIMessageChunk);
        // A prompt must survive a reload at once (it is answered from the reloaded page).
        if (data.state === "awaiting_consent" || data.state === "awaiting_connection") {
          void checkpointer.saveNow();
        } else {
          checkpointer.noteProgress(0);
        }
      },
    });
    promptMessages = built.promptMessages;
    citationsFor = built.citationsFor;
    const result = streamText({
      ...built.options,
      abortSignal: live.signal,
      onChunk: ({ chunk }) => {
        if (chunk.type === "text-delta") text += chunk.text;
        if (chunk.type === "tool-call") toolCallCount += 1;
      },
      onEnd: (event) => {
        ending ??= { status: "COMPLETE", usage: event.totalUsage };
      },
      onAbort: () => {
        ending ??= {
          status: "INTERRUPTED",
          errorMessage: live.signal.reason === "shutdown" ? SHUTDOWN_MESSAGE : undefined,
        };
      },
      onError: ({ error }) => {
        ending ??= { status: "FAILED", errorMessage: describeModelError(error) };
      },
    });
    const uiStream = result.toUIMessageStream({
      generateMessageId: () => begun.messageId,
      // A mentioned GPT's reply shows its own name and picture from the first chunk.
      messageMetadata: ({ part }) => (part.type === "start" ? startMetadata : undefined),
      onError: describeModelError,
    });
    // Tool calls and results (raw passages, API bodies) never reach the browser as such: cited
    // passages arrive as a `data-citations` part, action calls as `data-action-call` parts.
    const hiddenToolCalls = new Set<string>();
    let sentCitationKey = "";
    for await (const chunk of uiStream) {
      if (!hasStarted) {
        hasStarted = true;
        ticket.started();
      }
      if (isHiddenToolChunk(chunk, built.hiddenToolNames, hiddenToolCalls)) continue;
      if (chunk.type === "finish" || chunk.type === "abort") {
        held.push(chunk);
        continue;
      }
      live.push(chunk);
      if (chunk.type === "text-delta") {
        checkpointer.noteProgress(chunk.delta.length);
        if (built.hasKnowledge) {
          const citations = citationsFor(text);
          const key = citations.map((citation) => citation.n).join(",");
          if (key !== sentCitationKey) {
            sentCitationKey = key;
            live.push({
              type: CITATIONS_PART_TYPE,
              id: "citations",
              data: { citations },
            } as UIMessageChunk);
          }
        }
      }
    }
  } catch (error) {
    // Preparing failed, or the upstream connection broke outside the SDK's error parts.
    const errorText = hasStarted
      ? describeModelError(error)
      : isAppError(error)
        ? error.message
        : PREPARE_FAILED_MESSAGE;
    if (!hasStarted && !isAppError(error))
      console.error("[atelier] preparing an answer failed", error);
    ending ??= { status: "FAILED", errorMessage: errorText };
    if (!hasStarted) {
      ticket.started();
      live.push({ type: "start", messageId: begun.messageId, messageMetadata: startMetadata });
      hasStarted = true;
    }
    live.push({ type: "error", errorText });
  }

  checkpointer.close();
  const outcome = outcomeOf({
    ending: ending ?? { status: "INTERRUPTED" },
    text,
    toolCallCount,
    promptMessages,
  });
  await finalizeAnswerDurably({
    ...outcome,
    messageId: begun.messageId,
    conversationId: begun.conversationId,
    parts: storedParts(),
    meter,
  });
  live.push({
    type: "message-metadata",
    messageMetadata: { status: outcome.status, errorMessage: outcome.errorMessage },
  });
  for (const chunk of held) live.push(chunk);
  live.end();
}

/** The final status and usage: upstream usage when it came, else counted locally (estimated). */
function outcomeOf({
  ending,
  text,
  toolCallCount,
  promptMessages,
}: {
  ending: Ending;
  text: string;
  toolCallCount: number;
  promptMessages: { content: string }[];
}): Pick<AnswerOutcome, "status" | "errorMessage" | "usage"> {
  const isEmpty = ending.status === "COMPLETE" && !text && toolCallCount === 0;
  const status = isEmpty ? "FAILED" : ending.status;
  const errorMessage = isEmpty ? "The model returned an empty answer." : ending.errorMessage;
  const { inputTokens, outputTokens } = ending.usage ?? {};
  if (inputTokens !== undefined && outputTokens !== undefined) {
    return {
      status,
      errorMessage: errorMessage ?? null,
      usage: { inputTokens, outputTokens, isEstimated: false },
    };
  }
  // Failed before any output: the provider refused the call, so nothing was used.
  const hasOutput = text.length > 0 || toolCallCount > 0;
  const isUnanswered = ending.status === "FAILED" && !hasOutput;
  return {
    status,
    errorMessage: errorMessage ?? null,
    usage: {
      inputTokens:
        isUnanswered || promptMessages.length === 0 ? 0 : countPromptTokens(promptMessages),
      outputTokens: countTokens(text),
      isEstimated: true,
    },
  };
}

function citationPart(citations: Citation[]) {
  return citations.length > 0
    ? [{ type: CITATIONS_PART_TYPE, id: "citations", data: { citations } }]
    : [];
}

/** The streamText options of a turn: prompt, history fitted to the window, tools, step budget. */
async function buildModelCall(
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
          emit: onActionCall,
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
  const messages = fitHistory({
    system,
    history: turn.history,
    contextWindow: turn.model.contextWindow,
  });
  return {
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
    promptMessages: [
      { content: system },
      ...messages.map((message) => ({ content: String(message.content) })),
    ],
    options: {
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
      ...(tools ? { tools, stopWhen: isStepCount(maxSteps) } : {}),
    },
  };
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
