"use client";

import * as PopoverPrimitive from "@radix-ui/react-popover";
import { Bell } from "lucide-react";
import { useState } from "react";
import { bellLabel, unreadBadgeText } from "@/lib/notifications/format";
import { useUnreadNotificationCount } from "@/lib/notifications/hooks";
import { cn } from "@/lib/utils/cn";
import { BellPanel } from "./bell-panel";

/**
 * The header bell: the unread count as a badge (polled, see useUnreadNotificationCount), and a
 * panel with the latest notifications. Radix Popover gives it Escape to close, focus moved into
 * the panel on open and back to the bell on close.
 */
export function NotificationBell() {
  const [isOpen, setIsOpen] = useState(false);
  const unread = useUnreadNotificationCount();
  const count = unread.data ?? 0;
  const badge = unreadBadgeText(count);

  return (
    <PopoverPrimitive.Root open={isOpen} onOpenChange={setIsOpen}>
      <PopoverPrimitive.Trigger asChild>
        <button
          type="button"
          aria-label={bellLabel(count)}
          data-testid="notification-bell"
          className={cn(
            "relative inline-flex size-9 items-center justify-center rounded-md text-muted-foreground transition-colors",
            "hover:bg-accent hover:text-foreground focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-ring data-[state=open]:bg-accent data-[state=open]:text-foreground",
          )}
        >
          <Bell className="size-[1.1rem]" aria-hidden />
          {badge ? (
            <span
              aria-hidden="true"
              data-testid="notification-badge"
              className="absolute top-1 right-0.5 flex h-4 min-w-4 items-center justify-center rounded-full bg-red-600 px-1 text-[0.625rem] leading-none font-semibold text-white tabular-nums ring-2 ring-background"
            >
              {badge}
            </span>
          ) : null}
        </button>
      </PopoverPrimitive.Trigger>
      <PopoverPrimitive.Portal>
        <PopoverPrimitive.Content
          align="end"
          sideOffset={8}
          collisionPadding={8}
          aria-labelledby="notification-bell-heading"
          data-testid="notification-panel"
          className="z-50 flex w-[min(24rem,calc(100vw-1rem))] flex-col overflow-hidden rounded-xl border bg-popover text-popover-foreground shadow-lg outline-none data-[state=open]:animate-fade-in"
        >
          <BellPanel unreadCount={count} onClose={() => setIsOpen(false)} />
        </PopoverPrimitive.Content>
      </PopoverPrimitive.Portal>
    </PopoverPrimitive.Root>
  );
}
