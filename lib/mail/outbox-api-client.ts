import { requestJson } from "../admin/api-client";
import type { OutboxPage, OutboxStatus } from "./outbox-schemas";

export function fetchOutboxPage({
  status,
  cursor,
}: {
  status: OutboxStatus | null;
  cursor: string | null;
}) {
  const search = new URLSearchParams();
  if (status) search.set("status", status.toLowerCase());
  if (cursor) search.set("cursor", cursor);
  const query = search.toString();
  return requestJson<OutboxPage>(`/api/admin/outbox${query ? `?${query}` : ""}`, { method: "GET" });
}
