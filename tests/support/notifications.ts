import { prisma } from "@/lib/db";
import type { NotificationKind } from "@/lib/notifications/kinds";

/**
 * Notification rows written directly (what notify() would write), for tests of the list, paging
 * and mark-read: `minutesAgo` sets createdAt so tests control the order.
 */
export async function createNotification(
  userId: string,
  options: {
    kind?: NotificationKind;
    title?: string;
    body?: string;
    href?: string | null;
    minutesAgo?: number;
    /** The exact createdAt (wins over minutesAgo); several rows may share one. */
    createdAt?: Date;
    isRead?: boolean;
  } = {},
) {
  const createdAt = options.createdAt ?? new Date(Date.now() - (options.minutesAgo ?? 0) * 60_000);
  return prisma.notification.create({
    data: {
      userId,
      kind: options.kind ?? "listing.approved",
      title: options.title ?? "Your GPT was approved",
      body: options.body ?? "",
      href: options.href === undefined ? "/gpts" : options.href,
      createdAt,
      readAt: options.isRead ? createdAt : null,
    },
  });
}
