import { describe, expect, it } from "vitest";
import { periodsOf } from "@/lib/analytics/days";
import { cohortsOf, newUsersIn, returningUsers } from "@/lib/analytics/retention";

const activity = (rows: [user: string, ...days: string[]][]) =>
  rows.flatMap(([userId, ...days]) => days.map((day) => ({ userId, day })));

describe("[ANALYTICS]: returning users", () => {
  it("groups people by their first day and notes who came back exactly 1 and 7 days later", () => {
    const cohorts = cohortsOf(
      activity([
        ["ana", "2026-11-01", "2026-11-02", "2026-11-08"],
        ["bo", "2026-11-01", "2026-11-03", "2026-11-09"],
        ["cy", "2026-11-02", "2026-11-02", "2026-11-03"],
      ]),
    );
    expect(cohorts).toEqual([
      { firstDay: "2026-11-01", users: 2, returnedDay1: 1, returnedDay7: 1 },
      { firstDay: "2026-11-02", users: 1, returnedDay1: 1, returnedDay7: 0 },
    ]);
  });

  it("counts a cohort in the period its return day falls in, and never a day still in progress", () => {
    const cohorts = cohortsOf(
      activity([
        ["ana", "2026-11-12", "2026-11-13"],
        ["bo", "2026-11-18", "2026-11-19"],
        ["cy", "2026-11-19", "2026-11-20"],
        ["di", "2026-11-10", "2026-11-17"],
      ]),
    );
    const { current, previous } = periodsOf(new Date("2026-11-20T12:00:00Z"), 7);
    const today = "2026-11-20";
    // Current period Nov 14-20: day-1 returns on Nov 14-19 (Nov 20 is today): only bo's.
    expect(returningUsers({ cohorts, period: current, today, n: 1 })).toEqual({
      cohort: 1,
      returned: 1,
      rate: 1,
    });
    // Day 7: first days Nov 7-12 (di, Nov 10 → Nov 17, back; ana, Nov 12 → Nov 19, not back).
    expect(returningUsers({ cohorts, period: current, today, n: 7 })).toEqual({
      cohort: 2,
      returned: 1,
      rate: 0.5,
    });
    // Previous period Nov 7-13: day-1 returns on Nov 7-13 → first days Nov 6-12: di (no), ana (yes).
    expect(returningUsers({ cohorts, period: previous, today, n: 1 })).toEqual({
      cohort: 2,
      returned: 1,
      rate: 0.5,
    });
    expect(newUsersIn(cohorts, current)).toBe(2);
    expect(newUsersIn(cohorts, previous)).toBe(2);
  });

  it("has no rate without a cohort (not 0 %)", () => {
    const { current } = periodsOf(new Date("2026-11-20T12:00:00Z"), 7);
    expect(returningUsers({ cohorts: [], period: current, today: "2026-11-20", n: 7 })).toEqual({
      cohort: 0,
      returned: 0,
      rate: null,
    });
  });
});

describe("[ANALYTICS]: periods", () => {
  it("ends today and compares with as many days before", () => {
    expect(periodsOf(new Date("2026-03-01T00:30:00Z"), 30)).toEqual({
      current: { from: "2026-01-31", to: "2026-03-01" },
      previous: { from: "2026-01-01", to: "2026-01-30" },
    });
  });
});
