"use client";

import { Check } from "lucide-react";
import Link from "next/link";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { bodyParagraphs, safeAppPath } from "@/lib/notifications/format";
import { useMarkNotificationsRead } from "@/lib/notifications/hooks";
import type { NotificationItem } from "@/lib/notifications/schemas";
import { cn } from "@/lib/utils/cn";
import { NotificationTime, UnreadDot } from "./notification-time";

/** One notification in full: title (a link when it leads somewhere), time, body, Mark as read. */
export function NotificationCard({ item }: { item: NotificationItem }) {
  const markRead = useMarkNotificationsRead();
  const isUnread = item.readAt === null;
  const href = safeAppPath(item.href);

  function markAsRead(options?: { isQuiet?: boolean }) {
    if (!isUnread) return;
    markRead.mutate(
      { ids: [item.id] },
      {
        onError: (error) => {
          if (!options?.isQuiet) toast.error(`Could not mark it as read. ${error.message}`);
        },
      },
    );
  }

  return (
    <article
      data-testid="notification-card"
      aria-labelledby={`notification-${item.id}`}
      className={cn(
        "flex gap-3 rounded-xl border bg-card p-4",
        isUnread && "border-primary/30 bg-primary/5",
      )}
    >
      <UnreadDot isUnread={isUnread} />
      <div className="grid min-w-0 flex-1 gap-2">
        <div className="flex flex-col gap-1 sm:flex-row sm:items-baseline sm:justify-between sm:gap-3">
          <h3
            id={`notification-${item.id}`}
            className={cn("text-sm break-words", isUnread ? "font-semibold" : "font-medium")}
          >
            {href ? (
              <Link
                href={href}
                onClick={() => markAsRead({ isQuiet: true })}
                className="rounded-sm underline-offset-4 outline-none hover:underline focus-visible:ring-2 focus-visible:ring-ring"
              >
                {item.title}
              </Link>
            ) : (
              item.title
            )}
          </h3>
          <NotificationTime iso={item.createdAt} />
        </div>
        {bodyParagraphs(item.body).map((paragraph, index) => (
          <p
            // Paragraphs of one immutable body: their order is their identity.
            key={index}
            className="text-sm whitespace-pre-line break-words text-muted-foreground"
          >
            {paragraph}
          </p>
        ))}
        {isUnread ? (
          <div>
            <Button
              type="button"
              variant="ghost"
              size="sm"
              className="-ml-3"
              disabled={markRead.isPending}
              aria-describedby={`notification-${item.id}`}
              onClick={() => markAsRead()}
            >
              <Check aria-hidden /> Mark as read
            </Button>
          </div>
        ) : null}
      </div>
    </article>
  );
}
