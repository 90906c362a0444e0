import type { ApiKeyView } from "@/lib/api-keys/schemas";

export type ApiKeyStatus = "active" | "expired" | "revoked";

/** Revoked wins over expired: the owner's act is the more useful thing to show. */
export function apiKeyStatusOf(key: ApiKeyView, now: Date): ApiKeyStatus {
  if (key.revokedAt) return "revoked";
  if (key.expiresAt && new Date(key.expiresAt) <= now) return "expired";
  return "active";
}

/** What lists show of a key: its visible prefix, then an ellipsis for the part never shown. */
export function maskedKey(prefix: string): string {
  return `${prefix}…`;
}

const dateFormat = new Intl.DateTimeFormat("en-US", { dateStyle: "medium" });
const dateTimeFormat = new Intl.DateTimeFormat("en-US", {
  dateStyle: "medium",
  timeStyle: "short",
});

export function formatDay(iso: string): string {
  return dateFormat.format(new Date(iso));
}

export function formatMoment(iso: string): string {
  return dateTimeFormat.format(new Date(iso));
}
