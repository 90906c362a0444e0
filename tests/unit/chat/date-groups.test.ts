import { describe, expect, it } from "vitest";
import { dateGroupLabel, groupByDate } from "@/lib/chat/date-groups";

// 28 Nov 2026, 10:00 in Paris (09:00 UTC).
const now = new Date("2026-11-28T09:00:00Z");
const paris = { now, timeZone: "Europe/Paris" };

describe("[CHAT]: sidebar date groups", () => {
  it("labels by calendar day: today, yesterday, previous 7 and 30 days, then by month", () => {
    const label = (iso: string) => dateGroupLabel(new Date(iso), now, "Europe/Paris");
    expect(label("2026-11-28T00:30:00+01:00")).toBe("Today");
    expect(label("2026-11-27T23:59:00+01:00")).toBe("Yesterday");
    expect(label("2026-11-26T12:00:00+01:00")).toBe("Previous 7 days");
    expect(label("2026-11-21T12:00:00+01:00")).toBe("Previous 7 days");
    expect(label("2026-11-20T12:00:00+01:00")).toBe("Previous 30 days");
    expect(label("2026-10-29T12:00:00+01:00")).toBe("Previous 30 days");
    expect(label("2026-10-28T12:00:00+01:00")).toBe("October 2026");
    expect(label("2025-12-31T12:00:00+01:00")).toBe("December 2025");
  });

  it("uses the user's time zone, not UTC, to decide the day", () => {
    // 23:30 UTC on the 27th is already the 28th in Tokyo but still the 27th in New York.
    const lateUtc = new Date("2026-11-27T23:30:00Z");
    const at = new Date("2026-11-28T12:00:00Z");
    expect(dateGroupLabel(lateUtc, at, "Asia/Tokyo")).toBe("Today");
    expect(dateGroupLabel(lateUtc, at, "America/New_York")).toBe("Yesterday");
  });

  it("counts a date slightly in the future as today", () => {
    expect(dateGroupLabel(new Date("2026-11-28T09:05:00Z"), now, "UTC")).toBe("Today");
  });

  it("keeps the newest-first order inside and across groups", () => {
    const items = [
      { id: "a", at: "2026-11-28T08:00:00Z" },
      { id: "b", at: "2026-11-28T07:00:00Z" },
      { id: "c", at: "2026-11-27T08:00:00Z" },
      { id: "d", at: "2026-11-10T08:00:00Z" },
      { id: "e", at: "2026-09-15T08:00:00Z" },
      { id: "f", at: "2026-09-01T08:00:00Z" },
      { id: "g", at: "2026-08-31T08:00:00Z" },
    ];
    const groups = groupByDate(items, (item) => item.at, paris);
    expect(groups.map((group) => [group.label, group.items.map((item) => item.id)])).toEqual([
      ["Today", ["a", "b"]],
      ["Yesterday", ["c"]],
      ["Previous 30 days", ["d"]],
      ["September 2026", ["e", "f"]],
      ["August 2026", ["g"]],
    ]);
  });

  it("returns no groups for no items", () => {
    expect(groupByDate([], () => now, paris)).toEqual([]);
  });
});
