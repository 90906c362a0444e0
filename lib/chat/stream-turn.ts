import "server-only";
import type { UIMessageChunk } from "ai";
import { isAppError } from "../errors";
import { ACTION_CALL_PART_TYPE, type ActionCallPartData } from "../gpt-actions/types";
import { CITATIONS_PART_TYPE, type Citation } from "../knowledge/citations/types";
import { countPromptTokens, countTokens } from "../usage/count-tokens";
import type { BegunTurn } from "./engine/begin-turn";
import { Checkpointer } from "./engine/checkpointer";
import type { AnswerMeter, AnswerOutcome } from "./engine/finalize-answer";
import { finalizeAnswerDurably } from "./engine/finalize-durably";
import { LiveAnswer, registerLiveAnswer, unregisterLiveAnswer } from "./engine/live-answers";
import type { TurnTicket } from "./engine/turn-admission";
import {
  type AnswerSpec,
  answerChunks,
  buildModelCall,
  type Ending,
  isHiddenToolChunk,
  type Progress,
} from "./model-call";
import { describeModelError } from "./model-errors";
import type { AnsweredBy } from "./schemas";

export type { AnswerSpec } from "./model-call";

const PREPARE_FAILED_MESSAGE =
  "Something went wrong while preparing the answer. Retry in a moment.";

/**
 * Starts generating a begun turn's answer and returns the browser's response at once. The answer
 * is produced by a task of its own (see LiveAnswer): the response is only its first reader, so a
 * closed tab or a reload does not stop it; an explicit stop or a shutdown does. Whatever happens
 * (complete, stopped, failed, even a failure while preparing), the task finalises the STREAMING
 * row with exactly one usage event before the browser sees the end of the stream.
 */
type StartAnswerOptions = {
  begun: BegunTurn;
  actor: { id: string };
  meter: AnswerMeter;
  answeredBy: AnsweredBy | null;
  ticket: TurnTicket;
  /** Builds the model call (history, knowledge, tools): runs inside the answer task. */
  prepare: () => Promise<AnswerSpec>;
};

export function startAnswer(options: StartAnswerOptions): Response {
  return startLiveAnswer(options).response({ "x-conversation-id": options.begun.conversationId });
}

/**
 * startAnswer for readers other than the browser (the OpenAI-compatible API, the embed widget):
 * the same answer task, returning the LiveAnswer itself.
 */
export function startLiveAnswer({
  begun,
  actor,
  meter,
  answeredBy,
  ticket,
  prepare,
}: StartAnswerOptions): LiveAnswer {
  const live = new LiveAnswer({
    messageId: begun.messageId,
    conversationId: begun.conversationId,
    userId: actor.id,
  });
  registerLiveAnswer(live);
  void generateAnswer({ live, begun, meter, answeredBy, ticket, prepare })
    .catch((error: unknown) => console.error("[atelier] answer task failed", error))
    .finally(() => {
      unregisterLiveAnswer(live);
      ticket.finished();
    });
  return live;
}

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
  const progress: Progress = { text: "", toolCallCount: 0, ending: null };
  let promptMessages: { content: string }[] = [];
  let citationsFor: (answer: string) => Citation[] = () => [];
  const actionCalls = new Map<string, ActionCallPartData>();
  const storedParts = () => [
    ...[...actionCalls.values()].map((data) => ({
      type: ACTION_CALL_PART_TYPE,
      id: data.toolCallId,
      data,
    })),
    ...(progress.text ? [{ type: "text", text: progress.text }] : []),
    ...citationPart(citationsFor(progress.text)),
  ];
  const checkpointer = new Checkpointer({ messageId: begun.messageId, snapshot: storedParts });
  // Terminal chunks wait until the answer is saved: a reload after "finish" must find it final.
  const held: UIMessageChunk[] = [];

  try {
    const spec = await prepare();
    const call = await buildModelCall(spec, {
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
    promptMessages = call.promptMessages;
    citationsFor = call.citationsFor;
    const chunks = answerChunks({
      call,
      signal: live.signal,
      progress,
      messageId: begun.messageId,
      startMetadata,
    });
    // Tool calls and results (raw passages, API bodies) never reach the browser as such: cited
    // passages arrive as a `data-citations` part, action calls as `data-action-call` parts.
    const hiddenToolCalls = new Set<string>();
    let sentCitationKey = "";
    for await (const chunk of chunks) {
      if (!hasStarted) {
        hasStarted = true;
        ticket.started();
      }
      if (isHiddenToolChunk(chunk, call.hiddenToolNames, hiddenToolCalls)) continue;
      if (chunk.type === "finish" || chunk.type === "abort") {
        held.push(chunk);
        continue;
      }
      live.push(chunk);
      if (chunk.type === "text-delta") {
        checkpointer.noteProgress(chunk.delta.length);
        if (call.hasKnowledge) {
          const citations = citationsFor(progress.text);
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
    progress.ending ??= { status: "FAILED", errorMessage: errorText };
    if (!hasStarted) {
      ticket.started();
      live.push({ type: "start", messageId: begun.messageId, messageMetadata: startMetadata });
      hasStarted = true;
    }
    live.push({ type: "error", errorText });
  }

  checkpointer.close();
  const outcome = outcomeOf({
    ending: progress.ending ?? { status: "INTERRUPTED" },
    text: progress.text,
    toolCallCount: progress.toolCallCount,
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
    // The usage lets the OpenAI-compatible API report what it metered (the browser ignores it).
    messageMetadata: {
      status: outcome.status,
      errorMessage: outcome.errorMessage,
      usage: { inputTokens: outcome.usage.inputTokens, outputTokens: outcome.usage.outputTokens },
    },
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
