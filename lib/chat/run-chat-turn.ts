import "server-only";
import type { Actor } from "../auth/session";
import { prepareTurn } from "./prepare-turn";
import type { ChatRequest } from "./schemas";
import { streamTurn } from "./stream-turn";

/** One chat turn: authorise and persist the user's message, then stream and meter the answer. */
export async function runChatTurn({
  actor,
  request,
  signal,
}: {
  actor: Actor;
  request: ChatRequest;
  signal: AbortSignal;
}): Promise<Response> {
  const turn = await prepareTurn({ actor, request });
  return streamTurn({ turn, requestSignal: signal });
}
