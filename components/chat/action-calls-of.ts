import {
  ACTION_CALL_PART_TYPE,
  type ActionCallPartData,
  type ActionCallState,
} from "@/lib/gpt-actions/types";

const STATES: ReadonlySet<string> = new Set<ActionCallState>([
  "awaiting_consent",
  "awaiting_connection",
  "running",
  "done",
  "failed",
  "denied",
]);

function isActionCall(value: unknown): value is ActionCallPartData {
  if (!value || typeof value !== "object") return false;
  const call = value as Record<string, unknown>;
  const request = call.request as Record<string, unknown> | null | undefined;
  return (
    typeof call.toolCallId === "string" &&
    typeof call.domain === "string" &&
    typeof call.state === "string" &&
    STATES.has(call.state) &&
    !!request &&
    typeof request === "object" &&
    typeof request.method === "string" &&
    typeof request.url === "string"
  );
}

/**
 * The action calls of a message's parts (live or stored), in the order they first appeared.
 * useChat replaces a re-sent part in place, but a part seen twice (stored history, a resumed
 * stream) keeps its first position and takes its latest state.
 */
export function actionCallsOf(parts: unknown): ActionCallPartData[] {
  if (!Array.isArray(parts)) return [];
  const byId = new Map<string, ActionCallPartData>();
  for (const part of parts) {
    if (part?.type !== ACTION_CALL_PART_TYPE || !isActionCall(part.data)) continue;
    const id = typeof part.id === "string" ? part.id : part.data.toolCallId;
    byId.set(id, part.data);
  }
  return [...byId.values()];
}

/** A call that waits for the user (a consent prompt or an account to connect). */
export function isAwaitingUser(call: ActionCallPartData): boolean {
  return call.state === "awaiting_consent" || call.state === "awaiting_connection";
}
