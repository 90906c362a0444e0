import type { ChatLimitKind } from "@/lib/limits/limit-messages";

/**
 * What the chat does when a turn fails, decided without React so it can be unit-tested: what
 * kind of failure it was, whether anything was saved, what a retry sends, and when the chat
 * retries by itself.
 */

export type ChatTrigger = "submit-message" | "regenerate-message" | "edit-message";

/** What one POST /api/chat asks for, besides the GPT, the mode and the conversation. */
export type TurnRequest = {
  trigger: ChatTrigger;
  text?: string;
  mentionGptId?: string;
  /** edit-message: the server id of the question being replaced, when known. */
  editMessageId?: string;
};

/**
 * Where the request was when it failed: "sending" (no accepted response yet: nothing was saved),
 * "streaming" (the answer was accepted and saved as it streams), "resuming" (reading an answer
 * that is being written, after a reload or a lost connection).
 */
export type RequestStage = "sending" | "streaming" | "resuming";

export type ChatFailure =
  /** 503: the server is saturated; nothing was saved, the same request is sent again later. */
  | { kind: "busy"; message: string; retryAfterSeconds: number }
  /** 429: one of the user's or the instance's limits; nothing was saved. */
  | {
      kind: "rate_limited";
      message: string;
      limit: ChatLimitKind | null;
      retryAfterSeconds: number | null;
      resetsAt: string | null;
      /** A paid plan or credits would lift it: the alert links to Settings → Plan & billing. */
      canUpgrade: boolean;
    }
  /** Any other refusal before anything was saved (409 conflict, 400, 404, 500…). */
  | { kind: "refused"; message: string; code: string | null }
  /** No response at all: the message may not have reached the server. */
  | { kind: "network"; message: string }
  /** The model failed mid-answer: the answer is saved as FAILED with this message. */
  | { kind: "answer_failed"; message: string }
  /** The connection dropped while the answer streamed: the server goes on writing it. */
  | { kind: "disconnected"; message: string };

export type RetryAction = { type: "send"; request: TurnRequest } | { type: "resume" };

export const BUSY_AUTO_RETRIES = 3;
const BUSY_FALLBACK_SECONDS = 5;
const BUSY_MAX_WAIT_SECONDS = 30;
/** A rate limit this short locks the composer with a countdown; longer ones only explain. */
const RATE_COUNTDOWN_MAX_SECONDS = 120;

export const NETWORK_MESSAGE =
  "Network error: the message could not be sent. Check your connection and retry.";
export const DISCONNECTED_MESSAGE =
  "The connection was lost while the answer was being written. It goes on on the server: reconnect to see it.";
const GENERIC_MESSAGE = "Something went wrong. Retry.";
const BUSY_MESSAGE = "Atelier is very busy right now. Your message will be sent again in a moment.";

type ErrorBody = {
  error?: {
    code?: unknown;
    message?: unknown;
    retryAfterSeconds?: unknown;
    limit?: unknown;
    resetsAt?: unknown;
    canUpgrade?: unknown;
  };
};

const LIMITS: ReadonlySet<string> = new Set<ChatLimitKind>([
  "rate",
  "daily",
  "monthly",
  "premium_model",
  "gpt_spend",
  "instance_spend",
]);

function parseBody(text: unknown): ErrorBody["error"] | null {
  if (typeof text !== "string" || !text.startsWith("{")) return null;
  try {
    const body = JSON.parse(text) as ErrorBody;
    return body && typeof body.error === "object" ? body.error : null;
  } catch {
    return null;
  }
}

const stringOr = (value: unknown, fallback: string | null) =>
  typeof value === "string" && value ? value : fallback;
const positiveOr = (value: unknown, fallback: number | null) =>
  typeof value === "number" && Number.isFinite(value) && value > 0 ? value : fallback;

function isNetworkError(error: Error): boolean {
  const message = error.message.toLowerCase();
  return (
    error.name === "TypeError" &&
    (message.includes("fetch") || message.includes("network") || message === "load failed")
  );
}

/**
 * Reads a useChat error: HTTP refusals arrive as an error with the status and the JSON body as
 * its message (`{ error: { code, message, retryAfterSeconds?, limit?, resetsAt? } }`); a streamed
 * failure as the plain text the server sent; a broken connection as a TypeError.
 */
export function classifyChatError(error: unknown, stage: RequestStage): ChatFailure {
  const failure = error instanceof Error ? error : new Error(String(error));
  const statusCode = (failure as { statusCode?: unknown }).statusCode;
  const body = parseBody((failure as { responseBody?: unknown }).responseBody ?? failure.message);
  if (typeof statusCode === "number" && stage !== "streaming") {
    const message = stringOr(body?.message, null);
    const code = stringOr(body?.code, null);
    if (stage === "resuming") {
      return { kind: "disconnected", message: message ?? DISCONNECTED_MESSAGE };
    }
    if (statusCode === 503 && code === "busy") {
      return {
        kind: "busy",
        message: message ?? BUSY_MESSAGE,
        retryAfterSeconds: positiveOr(body?.retryAfterSeconds, BUSY_FALLBACK_SECONDS)!,
      };
    }
    if (statusCode === 429) {
      const limit = stringOr(body?.limit, null);
      return {
        kind: "rate_limited",
        message: message ?? "You've reached a usage limit. Try again later.",
        limit: limit && LIMITS.has(limit) ? (limit as ChatLimitKind) : null,
        retryAfterSeconds: positiveOr(body?.retryAfterSeconds, null),
        resetsAt: stringOr(body?.resetsAt, null),
        canUpgrade: body?.canUpgrade === true,
      };
    }
    return { kind: "refused", message: message ?? GENERIC_MESSAGE, code };
  }
  if (isNetworkError(failure)) {
    return stage === "sending"
      ? { kind: "network", message: NETWORK_MESSAGE }
      : { kind: "disconnected", message: DISCONNECTED_MESSAGE };
  }
  if (stage === "sending") {
    return { kind: "refused", message: failure.message || GENERIC_MESSAGE, code: null };
  }
  if (stage === "resuming") return { kind: "disconnected", message: DISCONNECTED_MESSAGE };
  return { kind: "answer_failed", message: failure.message || "This answer failed." };
}

/** True when the failed turn left its question (and answer) saved on the server. */
export function isSavedFailure(failure: ChatFailure): boolean {
  return failure.kind === "answer_failed" || failure.kind === "disconnected";
}

/**
 * What Retry does. A refused request saved nothing, so it is sent again exactly as it was (a new
 * message stays a submit, an edit stays an edit; never a regenerate, which would answer the
 * previous question). A failed answer was saved: it is regenerated. A lost connection is resumed.
 */
export function retryActionOf(failure: ChatFailure, lastRequest: TurnRequest): RetryAction {
  if (failure.kind === "disconnected") return { type: "resume" };
  if (failure.kind === "answer_failed") {
    return { type: "send", request: { trigger: "regenerate-message" } };
  }
  return { type: "send", request: lastRequest };
}

/**
 * The wait before the next automatic retry of a busy refusal (`attempt` retries already made), or
 * null once they are used up. Retry-After is honoured, bounded, with up to 20% jitter so clients
 * refused together do not all come back at the same instant.
 */
export function busyRetryDelayMs({
  retryAfterSeconds,
  attempt,
  random = Math.random,
}: {
  retryAfterSeconds: number;
  attempt: number;
  random?: () => number;
}): number | null {
  if (attempt >= BUSY_AUTO_RETRIES) return null;
  const seconds = Math.min(BUSY_MAX_WAIT_SECONDS, Math.max(1, retryAfterSeconds));
  return Math.round(seconds * 1000 * (1 + 0.2 * random()));
}

/** Until when the composer waits after a short rate limit (epoch ms), or null. */
export function composerLockedUntil(failure: ChatFailure, now: number): number | null {
  if (failure.kind !== "rate_limited" || failure.limit !== "rate") return null;
  const seconds = failure.retryAfterSeconds;
  if (seconds === null || seconds > RATE_COUNTDOWN_MAX_SECONDS) return null;
  return now + seconds * 1000;
}

/** The body of POST /api/chat: only the new message (if any) and ids, never the history. */
export function chatRequestBody({
  gptId,
  isPreview,
  conversationId,
  request,
}: {
  gptId: string;
  isPreview: boolean;
  conversationId: string | undefined;
  request: TurnRequest;
}) {
  return {
    gptId,
    isPreview,
    conversationId,
    trigger: request.trigger,
    message:
      request.trigger !== "regenerate-message" && request.text ? { text: request.text } : undefined,
    // The server checks it and stores it with the message; a retry sends it again.
    mentionGptId: request.trigger !== "regenerate-message" ? request.mentionGptId : undefined,
    editMessageId: request.trigger === "edit-message" ? request.editMessageId : undefined,
  };
}
