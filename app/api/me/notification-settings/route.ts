import { route } from "@/lib/http/route";
import { notificationSettingsSchema } from "@/lib/notifications/schemas";
import { getNotificationSettings, updateNotificationSettings } from "@/lib/notifications/settings";

export const dynamic = "force-dynamic";

/** GET → { emailNotifications }: the signed-in user's notification settings. */
export const GET = route({ access: "user" }, ({ actor }) => getNotificationSettings({ actor }));

/** PATCH { emailNotifications } → the saved settings. */
export const PATCH = route<typeof notificationSettingsSchema>(
  { access: "user", body: notificationSettingsSchema },
  ({ actor, body }) => updateNotificationSettings({ actor, input: body }),
);
