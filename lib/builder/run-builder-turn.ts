import "server-only";
import { randomUUID } from "node:crypto";
import type { Actor } from "../auth/session";
import { streamTurn } from "../chat/stream-turn";
import { builderTools } from "./builder-tools";
import { prepareBuilderTurn } from "./prepare-builder-turn";
import type { BuilderTurnRequest } from "./schemas";

/** Model calls per builder turn: tool calls, then the answer (with room for a retry of a tool). */
export const BUILDER_MAX_STEPS = 5;

/**
 * One Create tab turn: the builder assistant answers as a UI message stream and fills the draft
 * through tool calls. The answer and its one PREVIEW usage event are recorded by the chat
 * pipeline; each tool call writes a BuilderChange tied to the answer's message id.
 */
export async function runBuilderTurn({
  actor,
  gptId,
  request,
  signal,
}: {
  actor: Actor;
  gptId: string;
  request: BuilderTurnRequest;
  signal: AbortSignal;
}): Promise<Response> {
  const { turn, system, categories } = await prepareBuilderTurn({ actor, gptId, request });
  const messageId = randomUUID();
  return streamTurn({
    turn,
    requestSignal: signal,
    system,
    tools: builderTools({ actor, gptId, messageId, revision: request.revision, categories }),
    maxSteps: BUILDER_MAX_STEPS,
    messageId,
  });
}
