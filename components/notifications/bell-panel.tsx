"use client";

import { BellOff, CheckCheck, Settings } from "lucide-react";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { InlineRetryError } from "@/components/ui/inline-retry-error";
import { Skeleton } from "@/components/ui/skeleton";
import { firstLine, safeAppPath } from "@/lib/notifications/format";
import {
  notificationsOfPages,
  useMarkNotificationsRead,
  useNotificationList,
} from "@/lib/notifications/hooks";
import { NOTIFICATION_LIMITS, type NotificationItem } from "@/lib/notifications/schemas";
import { cn } from "@/lib/utils/cn";
import { NotificationTime, UnreadDot } from "./notification-time";

/** What the bell opens: the latest notifications, "Mark all as read" and "See all". */
export function BellPanel({ unreadCount, onClose }: { unreadCount: number; onClose: () => void }) {
  // Mounted only while open (Radix unmounts closed content), so opening always re-reads the list.
  const list = useNotificationList("all");
  const markRead = useMarkNotificationsRead();
  const router = useRouter();
  const latest = notificationsOfPages(list.data?.pages).slice(0, NOTIFICATION_LIMITS.bellSize);

  function open(item: NotificationItem) {
    if (item.readAt === null) markRead.mutate({ ids: [item.id] });
    const href = safeAppPath(item.href);
    onClose();
    if (href) router.push(href);
  }

  function markAll() {
    markRead.mutate(
      { all: true },
      { onError: (error) => toast.error(`Could not mark them as read. ${error.message}`) },
    );
  }

  return (
    <>
      <div className="flex items-center justify-between gap-2 border-b px-4 py-2.5">
        <h2 id="notification-bell-heading" className="text-sm font-semibold">
          Notifications
        </h2>
        <Button
          type="button"
          variant="ghost"
          size="sm"
          className="-mr-2"
          disabled={unreadCount === 0}
          onClick={markAll}
        >
          <CheckCheck aria-hidden /> Mark all as read
        </Button>
      </div>
      <div className="max-h-[min(28rem,calc(100dvh-9rem))] overflow-y-auto">
        {list.isPending ? (
          <ul aria-busy="true" aria-label="Loading notifications" className="divide-y">
            {[0, 1, 2].map((row) => (
              <li key={row} className="flex gap-3 px-4 py-3">
                <Skeleton className="mt-1.5 size-2 rounded-full" />
                <div className="grid flex-1 gap-2">
                  <Skeleton className="h-4 w-3/4" />
                  <Skeleton className="h-3 w-full" />
                </div>
              </li>
            ))}
          </ul>
        ) : list.isError && latest.length === 0 ? (
          <InlineRetryError
            className="px-4 py-6"
            message="Your notifications could not be loaded."
            onRetry={() => void list.refetch()}
          />
        ) : latest.length === 0 ? (
          <div className="flex flex-col items-center gap-2 px-4 py-10 text-center">
            <BellOff className="size-6 text-muted-foreground" aria-hidden />
            <p className="text-sm font-medium">You’re all caught up</p>
            <p className="text-xs text-muted-foreground">New notifications will show up here.</p>
          </div>
        ) : (
          <ul aria-label="Latest notifications" className="divide-y">
            {latest.map((item) => (
              <li key={item.id}>
                <BellRow item={item} onOpen={() => open(item)} />
              </li>
            ))}
          </ul>
        )}
      </div>
      <div className="flex items-center justify-between gap-2 border-t px-2 py-1.5">
        <Button asChild variant="ghost" size="sm">
          <Link href="/notifications" onClick={onClose}>
            See all
          </Link>
        </Button>
        <Button asChild variant="ghost" size="icon" className="size-8">
          <Link
            href="/settings/notifications"
            onClick={onClose}
            aria-label="Notification settings"
            title="Notification settings"
          >
            <Settings aria-hidden />
          </Link>
        </Button>
      </div>
    </>
  );
}

function BellRow({ item, onOpen }: { item: NotificationItem; onOpen: () => void }) {
  const isUnread = item.readAt === null;
  const preview = firstLine(item.body);
  return (
    <button
      type="button"
      onClick={onOpen}
      data-testid="bell-notification"
      className={cn(
        "flex w-full gap-3 px-4 py-3 text-left transition-colors outline-none hover:bg-accent focus-visible:bg-accent focus-visible:ring-2 focus-visible:ring-ring focus-visible:ring-inset",
        isUnread && "bg-primary/5",
      )}
    >
      <UnreadDot isUnread={isUnread} />
      <span className="grid min-w-0 flex-1 gap-0.5">
        <span className="flex items-baseline justify-between gap-2">
          <span
            className={cn(
              "line-clamp-2 text-sm break-words",
              isUnread ? "font-semibold" : "font-medium",
            )}
          >
            {item.title}
          </span>
          <NotificationTime iso={item.createdAt} />
        </span>
        {preview ? (
          <span className="line-clamp-2 text-xs text-muted-foreground">{preview}</span>
        ) : null}
      </span>
    </button>
  );
}
