import { describe, expect, it } from "vitest";
import { formatMicrosAsUsd, formatPricePerMillion, formatTokenCount } from "@/lib/models/pricing";
import { dollarsToMicros, microsToDollars } from "@/lib/models/schemas";

describe("[MODELS]: price conversion", () => {
  it("turns dollars into integer micro-dollars without float drift", () => {
    expect(dollarsToMicros(0.15)).toBe(150_000);
    expect(dollarsToMicros(0.6)).toBe(600_000);
    expect(dollarsToMicros(2.5)).toBe(2_500_000);
    expect(dollarsToMicros(0.075)).toBe(75_000);
    expect(dollarsToMicros(0.1 + 0.2)).toBe(300_000);
    expect(dollarsToMicros(0)).toBe(0);
    expect(dollarsToMicros(10_000)).toBe(10_000_000_000);
    expect(Number.isInteger(dollarsToMicros(1.0000004))).toBe(true);
    expect(dollarsToMicros(0.0000004)).toBe(0);
    expect(dollarsToMicros(0.0000005)).toBe(1);
  });

  it("turns micro-dollars back into dollars", () => {
    expect(microsToDollars(150_000)).toBe(0.15);
    expect(microsToDollars(1)).toBe(0.000001);
    expect(microsToDollars(0)).toBe(0);
  });

  it("round-trips every price an admin can type with six decimals", () => {
    for (const dollars of [0.000001, 0.01, 0.075, 0.15, 1.1, 3, 15, 60, 123.456789, 9999.999999]) {
      expect(microsToDollars(dollarsToMicros(dollars))).toBe(dollars);
    }
    for (const micros of [0, 1, 75_000, 150_000, 2_500_000, 9_999_999_999]) {
      expect(dollarsToMicros(microsToDollars(micros))).toBe(micros);
    }
  });
});

describe("[MODELS]: price display", () => {
  it("shows prices per million tokens exactly", () => {
    expect(formatPricePerMillion(150_000)).toBe("$0.15");
    expect(formatPricePerMillion(75_000)).toBe("$0.075");
    expect(formatPricePerMillion(2_500_000)).toBe("$2.50");
    expect(formatPricePerMillion(0)).toBe("$0.00");
    expect(formatPricePerMillion(1)).toBe("$0.000001");
  });

  it("shows usage totals in cents, with more digits for sub-cent amounts", () => {
    expect(formatMicrosAsUsd(0)).toBe("$0.00");
    expect(formatMicrosAsUsd(1_234_567_890)).toBe("$1,234.57");
    expect(formatMicrosAsUsd(10_000)).toBe("$0.01");
    expect(formatMicrosAsUsd(1_234)).toBe("$0.0012");
    expect(formatMicrosAsUsd(12)).toBe("<$0.0001");
  });

  it("abbreviates token counts", () => {
    expect(formatTokenCount(950)).toBe("950");
    expect(formatTokenCount(128_000)).toBe("128K");
    expect(formatTokenCount(1_234_567)).toBe("1.2M");
  });
});
