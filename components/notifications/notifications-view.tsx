"use client";

import { CheckCheck, Settings } from "lucide-react";
import Link from "next/link";
import { useState } from "react";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { PageHeader } from "@/components/ui/page-header";
import { Tabs, TabsContent, TabsList, TabsTrigger } from "@/components/ui/tabs";
import type { NotificationFilter } from "@/lib/notifications/api-client";
import { unreadBadgeText } from "@/lib/notifications/format";
import { useMarkNotificationsRead, useUnreadNotificationCount } from "@/lib/notifications/hooks";
import { NotificationList } from "./notification-list";

/** /notifications: every notification, All or Unread, with mark-as-read. */
export function NotificationsView() {
  const [filter, setFilter] = useState<NotificationFilter>("all");
  const unread = useUnreadNotificationCount();
  const markRead = useMarkNotificationsRead();
  const count = unread.data ?? 0;
  const badge = unreadBadgeText(count);

  function markAll() {
    markRead.mutate(
      { all: true },
      {
        onSuccess: (result) =>
          toast.success(
            result.updated === 1
              ? "1 notification marked as read."
              : `${result.updated} notifications marked as read.`,
          ),
        onError: (error) => toast.error(`Could not mark them as read. ${error.message}`),
      },
    );
  }

  return (
    <>
      <PageHeader
        title="Notifications"
        description="Decisions about your GPTs, answers to your appeals, and anything else that needs your attention."
        actions={
          <>
            <Button
              type="button"
              variant="outline"
              size="sm"
              disabled={count === 0 || markRead.isPending}
              onClick={markAll}
            >
              <CheckCheck aria-hidden /> Mark all as read
            </Button>
            <Button asChild variant="ghost" size="sm">
              <Link href="/settings/notifications">
                <Settings aria-hidden /> Email settings
              </Link>
            </Button>
          </>
        }
      />
      <Tabs value={filter} onValueChange={(value) => setFilter(value as NotificationFilter)}>
        <TabsList aria-label="Which notifications">
          <TabsTrigger value="all">All</TabsTrigger>
          <TabsTrigger value="unread">
            Unread
            {badge ? (
              <span className="rounded-full bg-primary px-1.5 text-xs leading-5 text-primary-foreground tabular-nums">
                <span className="sr-only">(</span>
                {badge}
                <span className="sr-only">)</span>
              </span>
            ) : null}
          </TabsTrigger>
        </TabsList>
        <TabsContent value="all">
          <NotificationList filter="all" />
        </TabsContent>
        <TabsContent value="unread">
          <NotificationList filter="unread" />
        </TabsContent>
      </Tabs>
    </>
  );
}
