import { formatAbsoluteTime, formatNotificationTime } from "@/lib/notifications/format";
import { cn } from "@/lib/utils/cn";

/** "5 min. ago", with the exact time on hover and for machines. Rendered after load only. */
export function NotificationTime({ iso, className }: { iso: string; className?: string }) {
  return (
    <time
      dateTime={iso}
      title={formatAbsoluteTime(iso)}
      className={cn("shrink-0 text-xs text-muted-foreground", className)}
    >
      {formatNotificationTime(iso)}
    </time>
  );
}

/** The unread marker: a dot for the eye, the word for screen readers. */
export function UnreadDot({ isUnread, className }: { isUnread: boolean; className?: string }) {
  return (
    <span className={cn("mt-1.5 flex size-2 shrink-0", className)}>
      {isUnread ? (
        <>
          <span aria-hidden="true" className="size-2 rounded-full bg-primary" />
          <span className="sr-only">Unread: </span>
        </>
      ) : null}
    </span>
  );
}
