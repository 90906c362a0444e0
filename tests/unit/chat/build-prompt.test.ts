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
