import "server-only";
import { appUrl } from "../env";
import type { Prisma } from "../generated/prisma/client";
import { type QueuedEmail, queueEmail } from "../mail/send-email";
import { notificationEmail } from "../mail/templates";
import type { NotificationKind } from "./kinds";

export type NotificationInput = {
  userId: string;
  kind: NotificationKind;
  /** One line, shown in the bell and as the email's subject. */
  title: string;
  /** Plain text; paragraphs separated by a blank line. The moderator's reason goes here. */
  body?: string;
  /** An app path ("/gpts/abc/edit") the notification opens. */
  href?: string;
};

/** Where a user turns notification emails off (components/account/notification-settings). */
export const NOTIFICATION_SETTINGS_PATH = "/settings/notifications";

/**
 * Writes an in-app notification inside the caller's transaction, so it exists exactly when the
 * change it reports does; and, when the user keeps email notifications on, queues the same
 * notification as an email. Returns that email for `dispatchEmail()` after the commit (null when
 * none was queued). Deleted and banned accounts get nothing.
 */
export async function notify(
  tx: Prisma.TransactionClient,
  input: NotificationInput,
): Promise<QueuedEmail | null> {
  const user = await tx.user.findUnique({
    where: { id: input.userId },
    select: { email: true, name: true, emailNotifications: true, deletedAt: true, bannedAt: true },
  });
  if (!user || user.deletedAt || user.bannedAt) return null;
  const body = input.body ?? "";
  await tx.notification.create({
    data: { userId: input.userId, kind: input.kind, title: input.title, body, href: input.href },
  });
  if (!user.emailNotifications) return null;
  return queueEmail(tx, {
    to: user.email,
    kind: "notification",
    userId: input.userId,
    content: notificationEmail({
      name: user.name,
      title: input.title,
      body,
      url: input.href ? `${appUrl}${input.href}` : undefined,
      settingsUrl: `${appUrl}${NOTIFICATION_SETTINGS_PATH}`,
    }),
  });
}
