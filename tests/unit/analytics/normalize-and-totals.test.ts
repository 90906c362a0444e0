import { describe, expect, it } from "vitest";
import { normalizeMissQuery } from "@/lib/analytics/normalize-query";
import { analyticsQuerySchema } from "@/lib/analytics/schemas";
import { emptyDay, fillDays, relativeChange, totalsOf } from "@/lib/analytics/summarize";

describe("[ANALYTICS]: knowledge-miss grouping", () => {
  it("lower-cases, strips punctuation and collapses whitespace", () => {
    expect(normalizeMissQuery("  What's the REFUND   policy?? ")).toBe("whats the refund policy");
    expect(normalizeMissQuery("e-mail/phone\tsupport…")).toBe("e mail phone support");
    expect(normalizeMissQuery("Ｃafé — opening hours!")).toBe("café opening hours");
    expect(normalizeMissQuery("?!")).toBe("");
  });
});

describe("[ANALYTICS]: totals", () => {
  it("sums the period's days, with ratios only where there is something to divide", () => {
    const period = { from: "2026-11-19", to: "2026-11-20" };
    const days = fillDays(period, [
      { ...emptyDay("2026-11-18"), answers: 100 },
      { ...emptyDay("2026-11-20"), answers: 4, thumbsUp: 3, thumbsDown: 1, earnedMicros: "500" },
    ]);
    expect(days.map((day) => day.day)).toEqual(["2026-11-19", "2026-11-20"]);
    const totals = totalsOf({
      days,
      period,
      users: 2,
      cohorts: [],
      today: "2026-11-20",
      heldMicros: 7n,
    });
    expect(totals).toMatchObject({
      answers: 4,
      thumbsUpRatio: 0.75,
      averageRating: null,
      earnedMicros: "500",
      heldMicros: "7",
      users: 2,
    });
  });

  it("compares with the previous period only when it had something", () => {
    expect(relativeChange(15, 10)).toBe(0.5);
    expect(relativeChange(5, 0)).toBeNull();
  });
});

describe("[ANALYTICS]: query parameters", () => {
  it("defaults to 30 days and all GPTs, and refuses other ranges", () => {
    expect(analyticsQuerySchema.parse({})).toEqual({ range: 30, gptId: null, format: "json" });
    expect(analyticsQuerySchema.parse({ range: "7", gptId: "g1", format: "csv" })).toEqual({
      range: 7,
      gptId: "g1",
      format: "csv",
    });
    expect(analyticsQuerySchema.safeParse({ range: "14" }).success).toBe(false);
  });
});
