import { APICallError } from "ai";
import { describe, expect, it } from "vitest";
import {
  BUSY_AUTO_RETRIES,
  busyRetryDelayMs,
  chatRequestBody,
  classifyChatError,
  composerLockedUntil,
  isSavedFailure,
  retryActionOf,
  type TurnRequest,
} from "@/components/chat/chat-retry";

/** An HTTP refusal as useChat's transport throws it: the status, and the JSON body as text. */
function refusal(statusCode: number, error: Record<string, unknown>): APICallError {
  const responseBody = JSON.stringify({ error });
  return new APICallError({
    message: responseBody,
    url: "/api/chat",
    requestBodyValues: undefined,
    statusCode,
    responseBody,
  });
}

const BUSY = refusal(503, {
  code: "busy",
  message: "Atelier is very busy right now and could not take your message.",
  retryAfterSeconds: 4,
});
const RATE = refusal(429, {
  code: "rate_limited",
  message: "You're sending messages too quickly. Try again in 12 seconds.",
  limit: "rate",
  retryAfterSeconds: 12,
  resetsAt: "2026-12-06T10:00:12.000Z",
});
const SUBMIT: TurnRequest = { trigger: "submit-message", text: "hello", mentionGptId: "gpt-2" };

describe("classifyChatError", () => {
  it("reads a 503 busy refusal with its Retry-After", () => {
    expect(classifyChatError(BUSY, "sending")).toEqual({
      kind: "busy",
      message: "Atelier is very busy right now and could not take your message.",
      retryAfterSeconds: 4,
    });
  });

  it("reads a 429 with the limit that refused and when it resets", () => {
    expect(classifyChatError(RATE, "sending")).toEqual({
      kind: "rate_limited",
      message: "You're sending messages too quickly. Try again in 12 seconds.",
      limit: "rate",
      retryAfterSeconds: 12,
      resetsAt: "2026-12-06T10:00:12.000Z",
      canUpgrade: false,
    });
    const daily = classifyChatError(
      refusal(429, { code: "rate_limited", message: "Used up.", limit: "daily", canUpgrade: true }),
      "sending",
    );
    expect(daily).toMatchObject({
      kind: "rate_limited",
      limit: "daily",
      retryAfterSeconds: null,
      canUpgrade: true,
    });
    // An unknown limit name is not trusted as one.
    const odd = classifyChatError(
      refusal(429, { code: "rate_limited", message: "No.", limit: "weekly" }),
      "sending",
    );
    expect(odd).toMatchObject({ kind: "rate_limited", limit: null });
  });

  it("treats other refusals (409, 500, a 503 that is not busy) as refused with the server's message", () => {
    const conflict = refusal(409, {
      code: "conflict",
      message: "An answer is still being written.",
    });
    expect(classifyChatError(conflict, "sending")).toEqual({
      kind: "refused",
      message: "An answer is still being written.",
      code: "conflict",
    });
    const noModel = refusal(503, { code: "unavailable", message: "No model is configured." });
    expect(classifyChatError(noModel, "sending")).toMatchObject({ kind: "refused" });
    const html = new APICallError({
      message: "<html>Bad gateway</html>",
      url: "/api/chat",
      requestBodyValues: undefined,
      statusCode: 502,
      responseBody: "<html>Bad gateway</html>",
    });
    expect(classifyChatError(html, "sending")).toEqual({
      kind: "refused",
      message: "Something went wrong. Retry.",
      code: null,
    });
  });

  it("tells a failed send (no response) from a connection lost mid-answer", () => {
    const offline = new TypeError("Failed to fetch");
    expect(classifyChatError(offline, "sending").kind).toBe("network");
    expect(classifyChatError(offline, "streaming").kind).toBe("disconnected");
    expect(classifyChatError(new TypeError("network error"), "resuming").kind).toBe("disconnected");
  });

  it("reads a streamed error as a failed (and saved) answer with the server's text", () => {
    const streamed = new Error("The model provider had an internal error. Retry in a moment.");
    expect(classifyChatError(streamed, "streaming")).toEqual({
      kind: "answer_failed",
      message: "The model provider had an internal error. Retry in a moment.",
    });
  });
});

describe("retryActionOf", () => {
  it("sends a refused submit again as a submit with its text and mention, never as a regenerate", () => {
    for (const error of [BUSY, RATE, new TypeError("Failed to fetch")]) {
      const failure = classifyChatError(error, "sending");
      expect(isSavedFailure(failure)).toBe(false);
      expect(retryActionOf(failure, SUBMIT)).toEqual({ type: "send", request: SUBMIT });
    }
  });

  it("sends a refused edit again as the same edit", () => {
    const edit: TurnRequest = { trigger: "edit-message", text: "new words", editMessageId: "q1" };
    expect(retryActionOf(classifyChatError(BUSY, "sending"), edit)).toEqual({
      type: "send",
      request: edit,
    });
  });

  it("regenerates after a streamed failure (the question is saved) and resumes a lost connection", () => {
    const failed = classifyChatError(new Error("Upstream broke."), "streaming");
    expect(isSavedFailure(failed)).toBe(true);
    expect(retryActionOf(failed, SUBMIT)).toEqual({
      type: "send",
      request: { trigger: "regenerate-message" },
    });
    const lost = classifyChatError(new TypeError("Failed to fetch"), "streaming");
    expect(retryActionOf(lost, SUBMIT)).toEqual({ type: "resume" });
  });
});

describe("busyRetryDelayMs", () => {
  it("waits Retry-After (plus at most 20% jitter) a few times, then gives up", () => {
    expect(busyRetryDelayMs({ retryAfterSeconds: 4, attempt: 0, random: () => 0 })).toBe(4000);
    expect(busyRetryDelayMs({ retryAfterSeconds: 4, attempt: 1, random: () => 1 })).toBe(4800);
    expect(
      busyRetryDelayMs({ retryAfterSeconds: 4, attempt: BUSY_AUTO_RETRIES, random: () => 0 }),
    ).toBeNull();
  });

  it("bounds odd Retry-After values", () => {
    expect(busyRetryDelayMs({ retryAfterSeconds: 0, attempt: 0, random: () => 0 })).toBe(1000);
    expect(busyRetryDelayMs({ retryAfterSeconds: 3600, attempt: 0, random: () => 0 })).toBe(30_000);
  });
});

describe("composerLockedUntil", () => {
  it("locks sending for a short rate limit only", () => {
    const now = 1_000_000;
    expect(composerLockedUntil(classifyChatError(RATE, "sending"), now)).toBe(now + 12_000);
    const daily = classifyChatError(
      refusal(429, {
        code: "rate_limited",
        message: "Used up.",
        limit: "daily",
        retryAfterSeconds: 30,
      }),
      "sending",
    );
    expect(composerLockedUntil(daily, now)).toBeNull();
    const longRate = classifyChatError(
      refusal(429, {
        code: "rate_limited",
        message: "Slow down.",
        limit: "rate",
        retryAfterSeconds: 900,
      }),
      "sending",
    );
    expect(composerLockedUntil(longRate, now)).toBeNull();
    expect(composerLockedUntil(classifyChatError(BUSY, "sending"), now)).toBeNull();
  });
});

describe("chatRequestBody", () => {
  const base = { gptId: "gpt-1", isPreview: false, conversationId: "c1" };

  it("sends only the new message and ids", () => {
    expect(JSON.parse(JSON.stringify(chatRequestBody({ ...base, request: SUBMIT })))).toEqual({
      gptId: "gpt-1",
      isPreview: false,
      conversationId: "c1",
      trigger: "submit-message",
      message: { text: "hello" },
      mentionGptId: "gpt-2",
    });
  });

  it("sends no text or mention with a regenerate (the server keeps the stored mention)", () => {
    const body = chatRequestBody({
      ...base,
      request: { trigger: "regenerate-message", text: "stale", mentionGptId: "gpt-2" },
    });
    expect(JSON.parse(JSON.stringify(body))).toEqual({
      gptId: "gpt-1",
      isPreview: false,
      conversationId: "c1",
      trigger: "regenerate-message",
    });
  });

  it("sends an edit with the id of the question it replaces, and no conversation id for a new chat", () => {
    const body = chatRequestBody({
      ...base,
      conversationId: undefined,
      request: { trigger: "edit-message", text: "better", editMessageId: "q1" },
    });
    expect(JSON.parse(JSON.stringify(body))).toEqual({
      gptId: "gpt-1",
      isPreview: false,
      trigger: "edit-message",
      message: { text: "better" },
      editMessageId: "q1",
    });
  });
});
