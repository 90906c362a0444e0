import { describe, expect, it } from "vitest";
import { costMicros } from "@/lib/usage/cost";
import { countPromptTokens, countTokens } from "@/lib/usage/count-tokens";

describe("[USAGE]: cost in integer micro-dollars", () => {
  it("prices input and output tokens from per-million prices", () => {
    // 1,000 in × $2.50/M + 500 out × $10/M = $0.0025 + $0.005 = 7,500 µ$
    expect(
      costMicros({
        inputTokens: 1000,
        outputTokens: 500,
        inputPricePerMillion: 2_500_000,
        outputPricePerMillion: 10_000_000,
      }),
    ).toBe(7500);
  });

  it("rounds half up once over the sum, never producing fractions", () => {
    // 1 token at $0.15/M = 0.15 µ$, 3 tokens at $0.60/M = 1.8 µ$ → 1.95 → 2
    const cost = costMicros({
      inputTokens: 1,
      outputTokens: 3,
      inputPricePerMillion: 150_000,
      outputPricePerMillion: 600_000,
    });
    expect(cost).toBe(2);
    expect(Number.isInteger(cost)).toBe(true);
  });

  it("stays exact for very large token counts", () => {
    expect(
      costMicros({
        inputTokens: 2_000_000_000,
        outputTokens: 0,
        inputPricePerMillion: 3_000_000,
        outputPricePerMillion: 0,
      }),
    ).toBe(6_000_000_000);
  });

  it("is zero for free models", () => {
    expect(
      costMicros({
        inputTokens: 5000,
        outputTokens: 5000,
        inputPricePerMillion: 0,
        outputPricePerMillion: 0,
      }),
    ).toBe(0);
  });
});

describe("[USAGE]: local token counting", () => {
  it("counts real text as a positive number of tokens and empty text as zero", () => {
    expect(countTokens("")).toBe(0);
    expect(countTokens("Hello, world!")).toBeGreaterThan(1);
  });

  it("adds framing tokens per chat message", () => {
    const text = "How are you today?";
    expect(countPromptTokens([{ content: text }, { content: text }])).toBe(
      2 * (countTokens(text) + 4) + 3,
    );
  });
});
