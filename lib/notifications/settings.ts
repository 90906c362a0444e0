import "server-only";
import type { Actor } from "../auth/session";
import { prisma } from "../db";
import { parseInput } from "../gpts/parse-input";
import { type NotificationSettings, notificationSettingsSchema } from "./schemas";

/** The actor's own notification settings. In-app notifications are always on; email is a choice. */
export async function getNotificationSettings({
  actor,
}: {
  actor: Actor;
}): Promise<NotificationSettings> {
  return prisma.user.findUniqueOrThrow({
    where: { id: actor.id },
    select: { emailNotifications: true },
  });
}

/** Turns notification emails on or off for the actor (never for anyone else). */
export async function updateNotificationSettings({
  actor,
  input,
}: {
  actor: Actor;
  input: NotificationSettings;
}): Promise<NotificationSettings> {
  const { emailNotifications } = parseInput(notificationSettingsSchema, input);
  return prisma.user.update({
    where: { id: actor.id },
    data: { emailNotifications },
    select: { emailNotifications: true },
  });
}
