/**
 * Pure display helpers shared by the bell and the notifications page (no I/O; unit-tested).
 * Times are only formatted in the browser, after the list has loaded, so the server's clock and
 * the browser's never disagree during hydration.
 */

import { formatAbsoluteTime, formatRelativeTime } from "../utils/format-time";

const dayTitle = new Intl.DateTimeFormat("en", { weekday: "long", month: "long", day: "numeric" });
const dayTitleWithYear = new Intl.DateTimeFormat("en", { dateStyle: "long" });

/** "just now", "5 min. ago", "yesterday", "3 wk. ago". */
export function formatNotificationTime(iso: string, now = Date.now()): string {
  return formatRelativeTime(iso, now, "short");
}

export { formatAbsoluteTime };

/** The bell badge's text: the count up to 9, then "9+"; null when there is nothing unread. */
export function unreadBadgeText(count: number): string | null {
  if (!Number.isFinite(count) || count <= 0) return null;
  return count > 9 ? "9+" : String(Math.floor(count));
}

/** The bell button's accessible name, e.g. "Notifications, 2 unread". */
export function bellLabel(count: number | undefined): string {
  return count && count > 0 ? `Notifications, ${count} unread` : "Notifications";
}

/** The first non-empty line of a plain-text body (the bell shows only that). */
export function firstLine(body: string): string {
  return (
    body
      .split("\n")
      .map((line) => line.trim())
      .find(Boolean) ?? ""
  );
}

/** Paragraphs of a plain-text body: split on blank lines, each keeping its own line breaks. */
export function bodyParagraphs(body: string): string[] {
  return body
    .split(/\n\s*\n/)
    .map((paragraph) => paragraph.trim())
    .filter(Boolean);
}

/**
 * Only paths inside the app are followed ("/gpts/abc/edit"); anything else (another site,
 * "//evil.example", "javascript:") is treated as no link.
 */
export function safeAppPath(href: string | null | undefined): string | null {
  if (!href?.startsWith("/") || href.startsWith("//") || href.startsWith("/\\")) {
    return null;
  }
  return href;
}

function localDayKey(date: Date): string {
  return `${date.getFullYear()}-${date.getMonth() + 1}-${date.getDate()}`;
}

/** "Today", "Yesterday", "Monday, December 7", or with the year when it is not this year. */
export function dayLabel(iso: string, now = new Date()): string {
  const date = new Date(iso);
  const yesterday = new Date(now);
  yesterday.setDate(now.getDate() - 1);
  if (localDayKey(date) === localDayKey(now)) return "Today";
  if (localDayKey(date) === localDayKey(yesterday)) return "Yesterday";
  return date.getFullYear() === now.getFullYear()
    ? dayTitle.format(date)
    : dayTitleWithYear.format(date);
}

/** Consecutive items of one local day together, in the order given (newest first). */
export function groupByDay<T extends { createdAt: string }>(
  items: T[],
  now = new Date(),
): { key: string; label: string; items: T[] }[] {
  const groups: { key: string; label: string; items: T[] }[] = [];
  for (const item of items) {
    const key = localDayKey(new Date(item.createdAt));
    const current = groups.at(-1);
    if (current?.key === key) current.items.push(item);
    else groups.push({ key, label: dayLabel(item.createdAt, now), items: [item] });
  }
  return groups;
}
