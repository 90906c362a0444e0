import { describe, expect, it } from "vitest";
import {
  isAnswerSpike,
  isMachineRegular,
  largestClusterInWindow,
  SIGNUP_CLUSTER_WINDOW_MS,
} from "@/lib/payouts/fraud-rules";
import {
  monthBounds,
  monthLabel,
  monthsBetween,
  nextMonth,
  previousMonth,
} from "@/lib/payouts/months";

const hour = 3_600_000;

describe("fraud rules", () => {
  it("finds the largest group of sign-ups inside one 24-hour window", () => {
    const base = Date.UTC(2026, 10, 1);
    const at = (hours: number) => new Date(base + hours * hour);
    expect(
      largestClusterInWindow([at(0), at(30), at(31), at(53), at(100)], SIGNUP_CLUSTER_WINDOW_MS),
    ).toEqual([at(30), at(31), at(53)]);
    expect(largestClusterInWindow([at(0), at(25), at(50)], SIGNUP_CLUSTER_WINDOW_MS)).toHaveLength(
      1,
    );
  });

  it("calls evenly spaced answers machine-like, and bursty or few answers not", () => {
    expect(isMachineRegular({ answers: 40, meanGapSeconds: 90, stddevGapSeconds: 2 })).toBe(true);
    expect(isMachineRegular({ answers: 40, meanGapSeconds: 90, stddevGapSeconds: 200 })).toBe(
      false,
    );
    expect(isMachineRegular({ answers: 12, meanGapSeconds: 90, stddevGapSeconds: 0 })).toBe(false);
  });

  it("calls a jump to 5× a GPT's history (at least 100 answers) a spike, never without history", () => {
    expect(isAnswerSpike(150, [10, 0, 0])).toBe(true);
    expect(isAnswerSpike(99, [0])).toBe(false);
    expect(isAnswerSpike(400, [100, 90, 80])).toBe(false);
    expect(isAnswerSpike(1000, [])).toBe(false);
  });
});

describe("months", () => {
  it("walks UTC months across years", () => {
    expect(monthBounds("2026-12")).toEqual({
      start: new Date("2026-12-01T00:00:00Z"),
      end: new Date("2027-01-01T00:00:00Z"),
    });
    expect(nextMonth("2026-12")).toBe("2027-01");
    expect(previousMonth("2027-01")).toBe("2026-12");
    expect(monthsBetween("2026-11", "2027-02")).toEqual([
      "2026-11",
      "2026-12",
      "2027-01",
      "2027-02",
    ]);
    expect(monthsBetween("2027-03", "2027-02")).toEqual([]);
    expect(monthLabel("2026-11")).toBe("November 2026");
    expect(() => monthBounds("2026-13")).toThrow(RangeError);
  });
});
