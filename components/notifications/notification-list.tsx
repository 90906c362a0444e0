"use client";

import { BellOff, Inbox } from "lucide-react";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { InlineRetryError } from "@/components/ui/inline-retry-error";
import { LoadErrorAlert } from "@/components/ui/load-error-alert";
import { Skeleton } from "@/components/ui/skeleton";
import type { NotificationFilter } from "@/lib/notifications/api-client";
import { groupByDay } from "@/lib/notifications/format";
import { notificationsOfPages, useNotificationList } from "@/lib/notifications/hooks";
import { NotificationCard } from "./notification-card";

/** One filter's notifications, grouped by day, with "Load more". */
export function NotificationList({ filter }: { filter: NotificationFilter }) {
  const list = useNotificationList(filter);
  const items = notificationsOfPages(list.data?.pages);

  if (list.isPending) {
    return (
      <ul aria-busy="true" aria-label="Loading notifications" className="grid gap-3">
        {[0, 1, 2].map((row) => (
          <li key={row} className="grid gap-2 rounded-xl border p-4">
            <Skeleton className="h-4 w-2/3" />
            <Skeleton className="h-3 w-full" />
            <Skeleton className="h-3 w-1/2" />
          </li>
        ))}
      </ul>
    );
  }
  if (list.isError && items.length === 0) {
    return (
      <LoadErrorAlert
        title="Your notifications could not be loaded"
        message={list.error.message}
        isRetrying={list.isFetching}
        onRetry={() => void list.refetch()}
      />
    );
  }
  if (items.length === 0) {
    return filter === "unread" ? (
      <EmptyState
        icon={BellOff}
        title="You’re all caught up"
        description="Nothing unread. New notifications also show on the bell at the top of the page."
      />
    ) : (
      <EmptyState
        icon={Inbox}
        title="No notifications yet"
        description="When a moderator decides about one of your GPTs, or answers an appeal, you’ll hear about it here."
      />
    );
  }

  return (
    <div className="grid gap-6">
      {groupByDay(items).map((group) => (
        <section
          key={group.key}
          aria-labelledby={`day-${filter}-${group.key}`}
          className="grid gap-3"
        >
          <h2
            id={`day-${filter}-${group.key}`}
            className="text-xs font-semibold tracking-wide text-muted-foreground uppercase"
          >
            {group.label}
          </h2>
          <ul className="grid gap-3">
            {group.items.map((item) => (
              <li key={item.id}>
                <NotificationCard item={item} />
              </li>
            ))}
          </ul>
        </section>
      ))}
      {list.isFetchNextPageError ? (
        <InlineRetryError
          message="More notifications could not be loaded."
          onRetry={() => void list.fetchNextPage()}
        />
      ) : null}
      {list.hasNextPage ? (
        <div className="flex justify-center">
          <Button
            type="button"
            variant="outline"
            isLoading={list.isFetchingNextPage}
            onClick={() => void list.fetchNextPage()}
          >
            Load more
          </Button>
        </div>
      ) : null}
    </div>
  );
}
