import { describe, expect, it } from "vitest";
import { analyticsCsv, analyticsCsvFilename, csvField, dollarsText } from "@/lib/analytics/csv";
import { emptyDay } from "@/lib/analytics/summarize";

describe("[ANALYTICS]: CSV export", () => {
  it("writes one CRLF row per day after a header, dollars rounded to the cent", () => {
    const csv = analyticsCsv({
      days: [
        {
          ...emptyDay("2026-11-19"),
          answers: 12,
          users: 3,
          reviews: 3,
          ratingSum: 13,
          earnedMicros: "1234999",
        },
        emptyDay("2026-11-20"),
      ],
    });
    const lines = csv.split("\r\n");
    expect(lines[0]).toBe(
      "Date (UTC),Conversations,Answers,Users,Thumbs up,Thumbs down,Reviews,Average rating,Knowledge misses,Action calls,Action errors,Earnings (USD)",
    );
    expect(lines[1]).toBe("2026-11-19,0,12,3,0,0,3,4.33,0,0,0,1.23");
    expect(lines[2]).toBe("2026-11-20,0,0,0,0,0,0,,0,0,0,0.00");
    expect(lines[3]).toBe("");
  });

  it("rounds micro-dollars half away from zero", () => {
    expect(dollarsText("5000")).toBe("0.01");
    expect(dollarsText("4999")).toBe("0.00");
    expect(dollarsText("-15000")).toBe("-0.02");
    expect(dollarsText("123456789012")).toBe("123456.79");
  });

  it("quotes what needs quoting and defuses spreadsheet formulas", () => {
    expect(csvField('say "hi", then go')).toBe('"say ""hi"", then go"');
    expect(csvField("=SUM(A1)")).toBe("'=SUM(A1)");
    expect(csvField("-12.50")).toBe("-12.50");
  });

  it("names the file after the GPT shown, or all GPTs", () => {
    const base = { rangeDays: 30 as const, period: { from: "2026-10-22", to: "2026-11-20" } };
    const gpts = [{ id: "g1", name: "Trip Planner: Europe!" }];
    expect(analyticsCsvFilename({ ...base, gpts, gptId: "g1" })).toBe(
      "atelier-analytics-trip-planner-europe-30d-2026-11-20.csv",
    );
    expect(analyticsCsvFilename({ ...base, gpts, gptId: null })).toBe(
      "atelier-analytics-all-gpts-30d-2026-11-20.csv",
    );
  });
});
