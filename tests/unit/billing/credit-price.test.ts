import { describe, expect, it } from "vitest";
import { creditHoldBounds, creditMicrosFor, formatCreditDollars } from "@/lib/billing/credit-price";

describe("[BILLING]: credit prices", () => {
  it("charges the cost times the margin, rounded half up to a micro-dollar", () => {
    expect(creditMicrosFor(4_500, 130)).toBe(5_850n);
    expect(creditMicrosFor(1, 130)).toBe(1n);
    expect(creditMicrosFor(1, 149)).toBe(1n);
    expect(creditMicrosFor(1, 150)).toBe(2n);
    expect(creditMicrosFor(0, 130)).toBe(0n);
  });

  it("holds a full context window in and the longest answer out, and needs a short answer's price to start", () => {
    const model = {
      inputPricePerMillion: 2_500_000,
      outputPricePerMillion: 10_000_000,
      contextWindow: 16_000,
    };
    // (16,000 × $2.50 + 4,096 × $10) per million = $0.08096; × 130 % = $0.105248.
    // (2,000 × $2.50 + 500 × $10) per million = $0.01; × 130 % = $0.013.
    expect(creditHoldBounds(model, 130)).toEqual({ minMicros: 13_000n, maxMicros: 105_248n });
  });

  it("a free model still needs one micro-dollar of credits; a tiny window caps the minimum", () => {
    const free = { inputPricePerMillion: 0, outputPricePerMillion: 0, contextWindow: 8_192 };
    expect(creditHoldBounds(free, 130)).toEqual({ minMicros: 1n, maxMicros: 1n });
    const tiny = {
      inputPricePerMillion: 1_000_000,
      outputPricePerMillion: 1_000_000,
      contextWindow: 1_000,
    };
    const bounds = creditHoldBounds(tiny, 100);
    expect(bounds.minMicros).toBe(bounds.maxMicros);
  });

  it("shows amounts below a dollar with the decimals that matter", () => {
    expect(formatCreditDollars(5_000_000n)).toBe("$5.00");
    expect(formatCreditDollars(12_340_000n)).toBe("$12.34");
    expect(formatCreditDollars(1_234_500_000n)).toBe("$1,234.50");
    expect(formatCreditDollars(-2_000_000n)).toBe("-$2.00");
    expect(formatCreditDollars(10_000n)).toBe("$0.01");
    expect(formatCreditDollars(13_000n)).toBe("$0.013");
    expect(formatCreditDollars(4_500n)).toBe("$0.0045");
    expect(formatCreditDollars(4_999_123n)).toBe("$4.999123");
    expect(formatCreditDollars(0n)).toBe("$0.00");
  });
});
