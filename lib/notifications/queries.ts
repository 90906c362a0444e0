import "server-only";
import type { Actor } from "../auth/session";
import { prisma } from "../db";
import type { Prisma } from "../generated/prisma/client";
import {
  encodeNotificationCursor,
  NOTIFICATION_LIMITS,
  type NotificationItem,
  type NotificationListQuery,
  type NotificationsPage,
} from "./schemas";

export const notificationItemSelect = {
  id: true,
  kind: true,
  title: true,
  body: true,
  href: true,
  readAt: true,
  createdAt: true,
} satisfies Prisma.NotificationSelect;

type NotificationRow = Prisma.NotificationGetPayload<{ select: typeof notificationItemSelect }>;

export function toNotificationItem(row: NotificationRow): NotificationItem {
  return {
    id: row.id,
    kind: row.kind,
    title: row.title,
    body: row.body,
    href: row.href,
    readAt: row.readAt?.toISOString() ?? null,
    createdAt: row.createdAt.toISOString(),
  };
}

/**
 * One page of the actor's own notifications, newest first, with their unread count. The where
 * clause always names the actor: nobody lists anyone else's notifications.
 */
export async function listNotifications({
  actor,
  query,
}: {
  actor: Actor;
  query: NotificationListQuery;
}): Promise<NotificationsPage> {
  const pageSize = NOTIFICATION_LIMITS.pageSize;
  const { cursor } = query;
  const where: Prisma.NotificationWhereInput = {
    userId: actor.id,
    ...(query.isUnreadOnly ? { readAt: null } : {}),
    ...(cursor
      ? {
          OR: [
            { createdAt: { lt: cursor.createdAt } },
            { createdAt: cursor.createdAt, id: { lt: cursor.id } },
          ],
        }
      : {}),
  };
  const [rows, unreadCount] = await Promise.all([
    prisma.notification.findMany({
      where,
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      // One extra row tells whether there is an older page without a count query.
      take: pageSize + 1,
      select: notificationItemSelect,
    }),
    countUnreadNotifications({ actor }),
  ]);
  const page = rows.slice(0, pageSize);
  const last = page.at(-1);
  return {
    notifications: page.map(toNotificationItem),
    unreadCount,
    nextCursor: rows.length > pageSize && last ? encodeNotificationCursor(last) : null,
  };
}

/** The bell's number: one count on the (userId, readAt) index. */
export async function countUnreadNotifications({ actor }: { actor: Actor }): Promise<number> {
  return prisma.notification.count({ where: { userId: actor.id, readAt: null } });
}
