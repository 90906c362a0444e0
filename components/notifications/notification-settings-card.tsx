"use client";

import { Bell } from "lucide-react";
import Link from "next/link";
import { toast } from "sonner";
import { Label } from "@/components/ui/label";
import { LoadErrorAlert } from "@/components/ui/load-error-alert";
import { Skeleton } from "@/components/ui/skeleton";
import { Switch } from "@/components/ui/switch";
import { useNotificationSettings, useUpdateNotificationSettings } from "@/lib/notifications/hooks";

/**
 * Settings → Notifications: the one choice (email or not). In-app notifications are always on, so
 * turning emails off never hides a decision from the user.
 */
export function NotificationSettingsCard({ isStaff }: { isStaff: boolean }) {
  const settings = useNotificationSettings();
  const update = useUpdateNotificationSettings();

  function save(emailNotifications: boolean) {
    update.mutate(
      { emailNotifications },
      {
        onSuccess: (saved) =>
          toast.success(
            saved.emailNotifications
              ? "You’ll get an email for each notification."
              : "Notification emails are off. The bell still shows everything.",
          ),
        onError: (error) => toast.error(`Your choice was not saved. ${error.message}`),
      },
    );
  }

  return (
    <section aria-labelledby="email-notifications-heading" className="rounded-xl border bg-card">
      <div className="grid gap-1 border-b p-4">
        <h2 id="email-notifications-heading" className="font-semibold">
          Email
        </h2>
        <p className="text-sm text-muted-foreground">
          We notify you when something needs your attention:
        </p>
        <ul className="list-disc pl-5 text-sm text-muted-foreground">
          <li>
            moderation decisions about your GPTs (approved, rejected, unlisted, removed, restored)
          </li>
          <li>answers to your appeals</li>
          <li>a creator’s reply to your review, and what became of a report you filed</li>
          {isStaff ? <li>new appeals for moderators to handle</li> : null}
        </ul>
      </div>
      <div className="p-4">
        {settings.isPending ? (
          <div aria-busy="true" className="flex justify-between gap-4">
            <span className="sr-only">Loading your settings…</span>
            <div className="grid flex-1 gap-2">
              <Skeleton className="h-4 w-64 max-w-full" />
              <Skeleton className="h-3 w-80 max-w-full" />
            </div>
            <Skeleton className="h-5 w-9 rounded-full" />
          </div>
        ) : settings.isError ? (
          <LoadErrorAlert
            title="Your notification settings could not be loaded"
            message={settings.error.message}
            isRetrying={settings.isFetching}
            onRetry={() => void settings.refetch()}
          />
        ) : (
          <div className="flex items-start justify-between gap-4">
            <div className="grid gap-1">
              <Label htmlFor="email-notifications">
                Email me when something needs my attention
              </Label>
              <p id="email-notifications-description" className="text-sm text-muted-foreground">
                Each notification also arrives by email, with a link to it. Saved as soon as you
                switch.
              </p>
            </div>
            <Switch
              id="email-notifications"
              checked={settings.data.emailNotifications}
              disabled={update.isPending}
              onCheckedChange={save}
              aria-describedby="email-notifications-description"
              className="mt-0.5"
            />
          </div>
        )}
      </div>
      <div className="flex items-start gap-3 border-t p-4 text-sm text-muted-foreground">
        <Bell className="mt-0.5 size-4 shrink-0" aria-hidden />
        <p>
          In-app notifications are always on: the bell at the top of every page shows them, and{" "}
          <Link
            href="/notifications"
            className="font-medium text-foreground underline underline-offset-4"
          >
            Notifications
          </Link>{" "}
          lists them all.
        </p>
      </div>
    </section>
  );
}
