import { requestJson } from "../admin/api-client";
import type {
  MarkReadInput,
  MarkReadResult,
  NotificationSettings,
  NotificationsPage,
} from "./schemas";

/** Browser-side calls to the notifications API; errors arrive as ApiError (lib/admin/api-client). */

export type NotificationFilter = "all" | "unread";

export function fetchNotificationsPage({
  filter,
  cursor,
}: {
  filter: NotificationFilter;
  cursor?: string | null;
}) {
  const search = new URLSearchParams();
  if (filter === "unread") search.set("unread", "1");
  if (cursor) search.set("cursor", cursor);
  const query = search.toString();
  return requestJson<NotificationsPage>(`/api/me/notifications${query ? `?${query}` : ""}`, {
    method: "GET",
  });
}

export function fetchUnreadNotificationCount() {
  return requestJson<{ unreadCount: number }>("/api/me/notifications/unread-count", {
    method: "GET",
  });
}

export function markNotificationsReadRequest(input: MarkReadInput) {
  return requestJson<MarkReadResult>("/api/me/notifications/read", { method: "POST", body: input });
}

export function fetchNotificationSettings() {
  return requestJson<NotificationSettings>("/api/me/notification-settings", { method: "GET" });
}

export function updateNotificationSettingsRequest(input: NotificationSettings) {
  return requestJson<NotificationSettings>("/api/me/notification-settings", {
    method: "PATCH",
    body: input,
  });
}
