import { describe, expect, it } from "vitest";
import {
  endsWithStreamingAnswer,
  type ListMessage,
  lastUserIndex,
  markLastAnswer,
  savedQuestionId,
  withResumedText,
} from "@/components/chat/chat-messages";

const text = (value: string) => [{ type: "text", text: value }];

function user(id: string, value: string, metadata?: object): ListMessage {
  return { id, role: "user", parts: text(value), metadata };
}

function answer(id: string, value: string, metadata?: object): ListMessage {
  return { id, role: "assistant", parts: text(value), metadata };
}

describe("savedQuestionId", () => {
  it("is a stored question's own id", () => {
    const messages = [user("q1", "hi", { status: "COMPLETE" }), answer("a1", "hello")];
    expect(savedQuestionId(messages, 0)).toBe("q1");
  });

  it("is the questionId its answer's start metadata named, for a question typed here", () => {
    const messages = [
      user("local-1", "hi"),
      answer("a1", "hel", { status: "STREAMING", questionId: "q9" }),
    ];
    expect(savedQuestionId(messages, lastUserIndex(messages))).toBe("q9");
  });

  it("is null while nothing says the question was saved (a refused send)", () => {
    expect(savedQuestionId([user("local-1", "hi")], 0)).toBeNull();
    expect(savedQuestionId([user("local-1", "hi"), answer("a1", "x")], 0)).toBeNull();
    expect(savedQuestionId([answer("a1", "x")], 0)).toBeNull();
  });
});

describe("markLastAnswer", () => {
  it("marks an answer still being written as stopped, keeping its partial text", () => {
    const messages = [
      user("q1", "hi"),
      answer("a1", "partial", { status: "STREAMING", conversationId: "c1" }),
    ];
    const marked = markLastAnswer(messages, { status: "INTERRUPTED" });
    expect(marked.at(-1)).toEqual(
      answer("a1", "partial", { status: "INTERRUPTED", errorMessage: null, conversationId: "c1" }),
    );
    expect(messages.at(-1)?.metadata).toEqual({ status: "STREAMING", conversationId: "c1" });
  });

  it("marks a failed answer with the error, also one resumed without a status yet", () => {
    const marked = markLastAnswer([user("q1", "hi"), answer("a1", "")], {
      status: "FAILED",
      errorMessage: "Upstream broke.",
    });
    expect(marked.at(-1)?.metadata).toEqual({ status: "FAILED", errorMessage: "Upstream broke." });
  });

  it("leaves a finished answer, or a list ending with a question, as it was", () => {
    const done = [user("q1", "hi"), answer("a1", "all", { status: "COMPLETE" })];
    expect(markLastAnswer(done, { status: "INTERRUPTED" })).toBe(done);
    const asked = [user("q1", "hi")];
    expect(markLastAnswer(asked, { status: "INTERRUPTED" })).toBe(asked);
  });
});

describe("withResumedText", () => {
  const loaded = answer("a1", "The quick brown", { status: "STREAMING" });

  it("keeps the loaded text on screen until the replay catches up (no blank flash)", () => {
    const replaying = [user("q1", "hi"), answer("a1", "The qu", { status: "STREAMING" })];
    const shown = withResumedText(replaying, loaded);
    expect(shown.at(-1)?.parts).toEqual(text("The quick brown"));
    expect(shown[0]).toBe(replaying[0]);
  });

  it("shows the live answer once it is as long, and its final status", () => {
    const caughtUp = [
      user("q1", "hi"),
      answer("a1", "The quick brown fox", { status: "COMPLETE" }),
    ];
    expect(withResumedText(caughtUp, loaded)).toBe(caughtUp);
  });

  it("does nothing without a loaded answer, or once that answer left the list", () => {
    const list = [user("q1", "hi"), answer("a2", "Other")];
    expect(withResumedText(list, null)).toBe(list);
    expect(withResumedText(list, loaded)).toBe(list);
  });
});

describe("endsWithStreamingAnswer", () => {
  it("is true only when the last message is an answer saved as STREAMING", () => {
    expect(
      endsWithStreamingAnswer([user("q1", "hi"), answer("a1", "x", { status: "STREAMING" })]),
    ).toBe(true);
    expect(
      endsWithStreamingAnswer([user("q1", "hi"), answer("a1", "x", { status: "COMPLETE" })]),
    ).toBe(false);
    expect(endsWithStreamingAnswer([user("q1", "hi", { status: "STREAMING" })])).toBe(false);
    expect(endsWithStreamingAnswer([])).toBe(false);
  });
});
