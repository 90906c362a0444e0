import { APICallError } from "ai";
import { describe, expect, it } from "vitest";
import { fitHistory, systemPrompt } from "@/lib/chat/build-prompt";
import { describeModelError } from "@/lib/chat/model-errors";

describe("[CHAT]: prompt building", () => {
  it("puts the GPT's instructions in the system prompt", () => {
    expect(systemPrompt({ gptName: "Coach", instructions: "Be kind." })).toContain("Be kind.");
  });

  it("drops the oldest turns first to fit the context window, always keeping the last message", () => {
    const long = "word ".repeat(2000);
    const history = [
      { role: "user" as const, content: long },
      { role: "assistant" as const, content: long },
      { role: "user" as const, content: "latest question" },
    ];
    const fitted = fitHistory({ system: "sys", history, contextWindow: 3000 });
    expect(fitted.at(-1)).toEqual({ role: "user", content: "latest question" });
    expect(fitted.length).toBeLessThan(3);
  });

  it("keeps the whole history when it fits, and near the limit trims by real token counts", () => {
    const history = [
      { role: "user" as const, content: "first" },
      { role: "assistant" as const, content: "second" },
      { role: "user" as const, content: "third" },
    ];
    expect(fitHistory({ system: "sys", history, contextWindow: 2000 })).toHaveLength(3);
    // Many bytes but few tokens ("a" repeated packs into long tokens): more bytes than the window
    // allows, yet the precise count keeps it all.
    const packed = "a".repeat(3000);
    const dense = [
      { role: "user" as const, content: packed },
      { role: "assistant" as const, content: "ok" },
      { role: "user" as const, content: "and now?" },
    ];
    expect(fitHistory({ system: "sys", history: dense, contextWindow: 2000 })).toEqual(dense);
  });
});

describe("[CHAT]: model error messages", () => {
  const apiError = (statusCode: number) =>
    new APICallError({
      message: "x",
      url: "http://m",
      requestBodyValues: {},
      statusCode,
      isRetryable: false,
    });

  it("says rate limiting for 429 and a provider error for 5xx, never the vendor's text", () => {
    expect(describeModelError(apiError(429))).toMatch(/rate-limiting/);
    expect(describeModelError(apiError(500))).toMatch(/internal error/);
    expect(describeModelError(apiError(401))).toMatch(/API key/);
  });
});
