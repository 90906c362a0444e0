import { describe, expect, it } from "vitest";
import { statementCsv } from "@/lib/payouts/creator-earnings";

describe("statement CSV", () => {
  it("has one row per GPT per day in exact dollars, a total, what was taken back, and defuses formula names", () => {
    const csv = statementCsv({
      month: "2026-11",
      earnedMicros: 6_373_334n,
      heldMicros: 0n,
      clawbackMicros: 1_500_000n,
      engagedAnswers: 20,
      payingUsers: 1,
      availableAt: new Date("2026-12-31T00:00:00Z"),
      lines: [
        {
          gptId: "g1",
          gptName: 'Chef "Pro"',
          day: "2026-11-02",
          engagedAnswers: 10,
          payingUsers: 1,
          amountMicros: 3_186_667n,
          isHeld: false,
        },
        {
          gptId: "g2",
          gptName: "=HYPERLINK()",
          day: "2026-11-03",
          engagedAnswers: 10,
          payingUsers: 1,
          amountMicros: 3_186_667n,
          isHeld: false,
        },
      ],
    });
    expect(csv.split("\n")).toEqual([
      "date,gpt_id,gpt_name,engaged_answers,paying_users,amount_usd,held",
      '2026-11-02,g1,"Chef ""Pro""",10,1,3.186667,no',
      `2026-11-03,g2,"'=HYPERLINK()",10,1,3.186667,no`,
      "total,,,20,1,6.373334,",
      "refunds_and_disputes_taken_back,,,,,-1.500000,",
      "",
    ]);
  });
});
