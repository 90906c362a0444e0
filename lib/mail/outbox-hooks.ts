"use client";

import { useInfiniteQuery } from "@tanstack/react-query";
import { fetchOutboxPage } from "./outbox-api-client";
import type { OutboxPage, OutboxStatus } from "./outbox-schemas";

export const outboxKeys = {
  all: ["outbox"] as const,
  list: (status: OutboxStatus | null) => [...outboxKeys.all, "list", status ?? "all"] as const,
};

/** Admin → Outbox, newest first, older pages on demand; seeded with the server-rendered page. */
export function useOutbox(status: OutboxStatus | null, initialPage?: OutboxPage) {
  return useInfiniteQuery({
    queryKey: outboxKeys.list(status),
    queryFn: ({ pageParam }) => fetchOutboxPage({ status, cursor: pageParam }),
    initialPageParam: null as string | null,
    getNextPageParam: (page) => page.nextCursor,
    initialData: initialPage ? { pages: [initialPage], pageParams: [null] } : undefined,
  });
}
