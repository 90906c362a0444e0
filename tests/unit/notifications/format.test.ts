import { describe, expect, it } from "vitest";
import {
  bellLabel,
  bodyParagraphs,
  dayLabel,
  firstLine,
  formatNotificationTime,
  groupByDay,
  safeAppPath,
  unreadBadgeText,
} from "@/lib/notifications/format";
import {
  encodeNotificationCursor,
  markReadInputSchema,
  parseNotificationListQuery,
} from "@/lib/notifications/schemas";

const now = new Date(2026, 11, 7, 15, 0, 0);
const ago = (ms: number) => new Date(now.getTime() - ms).toISOString();

describe("[NOTIFICATIONS]: display helpers", () => {
  it("caps the badge at 9+ and shows nothing at zero", () => {
    expect(unreadBadgeText(0)).toBeNull();
    expect(unreadBadgeText(-1)).toBeNull();
    expect(unreadBadgeText(1)).toBe("1");
    expect(unreadBadgeText(9)).toBe("9");
    expect(unreadBadgeText(10)).toBe("9+");
    expect(unreadBadgeText(250)).toBe("9+");
  });

  it("names the bell with the exact unread count", () => {
    expect(bellLabel(undefined)).toBe("Notifications");
    expect(bellLabel(0)).toBe("Notifications");
    expect(bellLabel(2)).toBe("Notifications, 2 unread");
    expect(bellLabel(42)).toBe("Notifications, 42 unread");
  });

  it("says how long ago, from just now to years", () => {
    const at = now.getTime();
    expect(formatNotificationTime(ago(20_000), at)).toBe("just now");
    expect(formatNotificationTime(ago(5 * 60_000), at)).toBe("5 min. ago");
    expect(formatNotificationTime(ago(3 * 3_600_000), at)).toBe("3 hr. ago");
    expect(formatNotificationTime(ago(24 * 3_600_000), at)).toBe("yesterday");
    expect(formatNotificationTime(ago(14 * 24 * 3_600_000), at)).toBe("2 wk. ago");
    expect(formatNotificationTime(ago(400 * 24 * 3_600_000), at)).toBe("last yr.");
  });

  it("previews the first non-empty line and splits paragraphs on blank lines", () => {
    expect(firstLine("\n  First line \nsecond")).toBe("First line");
    expect(firstLine("")).toBe("");
    expect(bodyParagraphs("One\nstill one\n\n  Two  \n \n\nThree")).toEqual([
      "One\nstill one",
      "Two",
      "Three",
    ]);
    expect(bodyParagraphs("  ")).toEqual([]);
  });

  it("follows app paths only", () => {
    expect(safeAppPath("/gpts/abc/edit")).toBe("/gpts/abc/edit");
    expect(safeAppPath(null)).toBeNull();
    expect(safeAppPath("")).toBeNull();
    expect(safeAppPath("https://evil.example/")).toBeNull();
    expect(safeAppPath("//evil.example/")).toBeNull();
    expect(safeAppPath("/\\evil.example")).toBeNull();
    expect(safeAppPath("javascript:alert(1)")).toBeNull();
  });

  it("groups consecutive notifications by local day: Today, Yesterday, then dates", () => {
    const items = [
      { id: "a", createdAt: new Date(2026, 11, 7, 14).toISOString() },
      { id: "b", createdAt: new Date(2026, 11, 7, 1).toISOString() },
      { id: "c", createdAt: new Date(2026, 11, 6, 23).toISOString() },
      { id: "d", createdAt: new Date(2026, 10, 30, 9).toISOString() },
      { id: "e", createdAt: new Date(2025, 11, 31, 9).toISOString() },
    ];
    const groups = groupByDay(items, now);
    expect(groups.map((group) => [group.label, group.items.map((item) => item.id)])).toEqual([
      ["Today", ["a", "b"]],
      ["Yesterday", ["c"]],
      ["Monday, November 30", ["d"]],
      ["December 31, 2025", ["e"]],
    ]);
    expect(dayLabel(new Date(2026, 11, 7, 0, 0, 1).toISOString(), now)).toBe("Today");
  });
});

describe("[NOTIFICATIONS]: request schemas", () => {
  it("round-trips a page cursor and refuses a forged one", () => {
    const cursor = { createdAt: new Date("2026-12-07T10:00:00.123Z"), id: "cmabc123" };
    const parsed = parseNotificationListQuery(
      new URLSearchParams({ cursor: encodeNotificationCursor(cursor), unread: "1" }),
    );
    expect(parsed.success && parsed.data).toEqual({ cursor, isUnreadOnly: true });
    expect(parseNotificationListQuery(new URLSearchParams()).data).toEqual({
      cursor: undefined,
      isUnreadOnly: false,
    });
    for (const bad of ["abc", "12_", "_abc", "1_a b", "1_x'; drop"]) {
      expect(parseNotificationListQuery(new URLSearchParams({ cursor: bad })).success).toBe(false);
    }
  });

  it("needs ids or all: true to mark anything read", () => {
    expect(markReadInputSchema.safeParse({ ids: ["a"] }).success).toBe(true);
    expect(markReadInputSchema.safeParse({ all: true }).success).toBe(true);
    expect(markReadInputSchema.safeParse({}).success).toBe(false);
    expect(markReadInputSchema.safeParse({ ids: [] }).success).toBe(false);
    expect(markReadInputSchema.safeParse({ all: false }).success).toBe(false);
    expect(markReadInputSchema.safeParse({ ids: Array(101).fill("a") }).success).toBe(false);
  });
});
