import { describe, expect, it } from "vitest";
import {
  nextUtcMidnight,
  secondsBetween,
  secondsUntilNextUtcMidnight,
  utcDayKey,
  utcDayStart,
} from "@/lib/limits/today";

describe("[LIMITS]: daily limits renew at midnight UTC", () => {
  it("a moment belongs to its UTC day, whatever the local time zone says", () => {
    const lateEvening = new Date("2026-12-06T23:59:59.999Z");
    expect(utcDayStart(lateEvening).toISOString()).toBe("2026-12-06T00:00:00.000Z");
    expect(utcDayKey(lateEvening)).toBe("2026-12-06");
    // 01:30 in UTC+2 is still the previous UTC day.
    expect(utcDayKey(new Date("2026-12-07T01:30:00+02:00"))).toBe("2026-12-06");
  });

  it("midnight itself starts the new day", () => {
    const midnight = new Date("2026-12-07T00:00:00.000Z");
    expect(utcDayKey(midnight)).toBe("2026-12-07");
    expect(nextUtcMidnight(midnight).toISOString()).toBe("2026-12-08T00:00:00.000Z");
  });

  it("counts the seconds to the next midnight, rounded up and never zero", () => {
    expect(secondsUntilNextUtcMidnight(new Date("2026-12-06T18:47:30.000Z"))).toBe(18_750);
    expect(secondsUntilNextUtcMidnight(new Date("2026-12-06T23:59:59.001Z"))).toBe(1);
    expect(secondsUntilNextUtcMidnight(new Date("2026-12-07T00:00:00.000Z"))).toBe(86_400);
  });

  it("crosses month and year ends and leap days", () => {
    expect(nextUtcMidnight(new Date("2026-12-31T12:00:00Z")).toISOString()).toBe(
      "2027-01-01T00:00:00.000Z",
    );
    expect(nextUtcMidnight(new Date("2028-02-28T12:00:00Z")).toISOString()).toBe(
      "2028-02-29T00:00:00.000Z",
    );
  });

  it("a wait is whole seconds, rounded up, at least one", () => {
    const from = new Date("2026-12-06T10:00:00.000Z");
    expect(secondsBetween(from, new Date("2026-12-06T10:00:02.001Z"))).toBe(3);
    expect(secondsBetween(from, from)).toBe(1);
    expect(secondsBetween(from, new Date("2026-12-06T09:00:00.000Z"))).toBe(1);
  });
});
