import { describe, expect, it } from "vitest";
import { formatDollars, parseDollars } from "@/lib/limits/dollars";
import { instanceSettingsInputSchema } from "@/lib/settings/schemas";

const micros = (raw: string) => {
  const parsed = parseDollars(raw);
  return parsed.isValid ? parsed.micros : parsed.error;
};

describe("[LIMITS]: spend caps are typed in dollars and kept as exact micro-dollars", () => {
  it("parses amounts exactly, without float rounding", () => {
    expect(micros("20")).toBe(20_000_000n);
    expect(micros("20.00")).toBe(20_000_000n);
    expect(micros("0.1")).toBe(100_000n);
    expect(micros("1.005")).toBe(1_005_000n); // 1.005 * 1e6 is 1004999.9999999999 in floats
    expect(micros("1.000001")).toBe(1_000_001n);
    expect(micros(".75")).toBe(750_000n);
    expect(micros("5.")).toBe(5_000_000n);
    expect(micros(" $1,250.50 ")).toBe(1_250_500_000n);
    expect(micros("0")).toBe(0n);
    expect(micros("1000000000")).toBe(1_000_000_000_000_000n);
  });

  it("refuses negatives, more than six decimals, and anything that is not an amount", () => {
    expect(micros("-1")).toBe("Use 0 or more; 0 means no cap.");
    expect(micros("$-5.00")).toBe("Use 0 or more; 0 means no cap.");
    expect(micros("0.0000001")).toBe("Use at most 6 decimal places (a micro-dollar).");
    for (const text of ["", "  ", "abc", "1e3", "1.2.3", "12,34", ".", "$", "20 USD", "0x10"]) {
      expect(micros(text)).toBe("Enter an amount in dollars, e.g. 20.00.");
    }
    expect(micros("1000000000.01")).toBe("At most $1,000,000,000.");
  });

  it("formats micro-dollars with cents, and further decimals only when set", () => {
    expect(formatDollars(20_000_000n)).toBe("20.00");
    expect(formatDollars(0)).toBe("0.00");
    expect(formatDollars(20_500_000)).toBe("20.50");
    expect(formatDollars(125_000n)).toBe("0.125");
    expect(formatDollars(1_000_001n)).toBe("1.000001");
    expect(formatDollars(1_250_500_000n)).toBe("1250.50");
  });

  it("formatting and parsing agree on every amount", () => {
    for (const value of [0n, 1n, 10n, 999_999n, 1_000_000n, 123_456_789n, 10n ** 15n]) {
      expect(micros(formatDollars(value))).toBe(value);
    }
  });
});

describe("[ADMIN]: chat limit settings validate like the API", () => {
  const base = instanceSettingsInputSchema.parse({
    knowledgeMaxFilesPerGpt: 20,
    knowledgeMaxFileMb: 50,
    knowledgeMaxTokensPerFile: 2_000_000,
    knowledgeMaxMbPerCreator: 1024,
    embeddingModelConfigId: null,
  });

  it("defaults match the database's, and dollar caps come out as canonical text", () => {
    expect(base).toMatchObject({
      chatBurstMessages: 10,
      chatMessagesPerMinute: 20,
      chatDailyMessages: 500,
      gptDailySpendCapDollars: "20.00",
      instanceDailySpendCapDollars: "100.00",
    });
    const parsed = instanceSettingsInputSchema.parse({
      ...base,
      gptDailySpendCapDollars: "$1,250.5",
      instanceDailySpendCapDollars: 7.25,
    });
    expect(parsed.gptDailySpendCapDollars).toBe("1250.50");
    expect(parsed.instanceDailySpendCapDollars).toBe("7.25");
    // What the API returns, it accepts again unchanged.
    expect(instanceSettingsInputSchema.parse(parsed)).toEqual(parsed);
  });
});
