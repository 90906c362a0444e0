import { z } from "zod";

export const NOTIFICATION_LIMITS = {
  /** Notifications per page of GET /api/me/notifications. */
  pageSize: 20,
  /** The bell shows this many of the newest. */
  bellSize: 8,
  /** Ids one mark-read request may name. */
  markReadIds: 100,
} as const;

/**
 * Where the next page starts: the last row's createdAt and id. Keyset paging (not an offset or
 * Prisma's row cursor) so marking rows read between two "Load more" clicks, with the Unread filter
 * on, neither skips nor repeats a notification.
 */
export type NotificationCursor = { createdAt: Date; id: string };

export function encodeNotificationCursor(cursor: NotificationCursor): string {
  return `${cursor.createdAt.getTime()}_${cursor.id}`;
}

const cursorSchema = z
  .string()
  .max(200)
  .transform((value, context): NotificationCursor => {
    const match = /^(\d{1,15})_([A-Za-z0-9_-]{1,64})$/.exec(value);
    const time = match ? Number(match[1]) : Number.NaN;
    if (!match || !Number.isSafeInteger(time)) {
      context.addIssue({ code: "custom", message: "This page link is not valid." });
      return z.NEVER;
    }
    return { createdAt: new Date(time), id: match[2]! };
  });

/** GET /api/me/notifications?cursor=&unread=1 */
export const notificationListQuerySchema = z.object({
  cursor: cursorSchema.optional(),
  isUnreadOnly: z.boolean(),
});
export type NotificationListQuery = z.output<typeof notificationListQuerySchema>;

export function parseNotificationListQuery(search: URLSearchParams) {
  return notificationListQuerySchema.safeParse({
    cursor: search.get("cursor") || undefined,
    isUnreadOnly: search.get("unread") === "1" || search.get("unread") === "true",
  });
}

/** POST /api/me/notifications/read: some of the actor's notifications, or all of them. */
export const markReadInputSchema = z
  .object({
    ids: z
      .array(z.string().min(1).max(64))
      .max(
        NOTIFICATION_LIMITS.markReadIds,
        `Mark at most ${NOTIFICATION_LIMITS.markReadIds} notifications at once.`,
      )
      .optional(),
    all: z.literal(true).optional(),
  })
  .refine((input) => input.all === true || (input.ids?.length ?? 0) > 0, {
    message: "Say which notifications to mark as read.",
    path: ["ids"],
  });
export type MarkReadInput = z.input<typeof markReadInputSchema>;

export const notificationSettingsSchema = z.object({
  emailNotifications: z.boolean({ error: "Choose whether to get emails." }),
});
export type NotificationSettings = z.output<typeof notificationSettingsSchema>;

/** One notification as the bell and the notifications page show it. */
export type NotificationItem = {
  id: string;
  kind: string;
  title: string;
  /** Plain text; paragraphs separated by a blank line. */
  body: string;
  href: string | null;
  /** ISO time; null while unread. */
  readAt: string | null;
  createdAt: string;
};

export type NotificationsPage = {
  notifications: NotificationItem[];
  unreadCount: number;
  /** Pass as `cursor` for the next (older) page; null on the last page. */
  nextCursor: string | null;
};

export type MarkReadResult = { updated: number; unreadCount: number };
