import { route } from "@/lib/http/route";
import { countUnreadNotifications } from "@/lib/notifications/queries";

export const dynamic = "force-dynamic";

/** GET → { unreadCount }: the header bell polls this (one indexed count). */
export const GET = route({ access: "user" }, async ({ actor }) => ({
  unreadCount: await countUnreadNotifications({ actor }),
}));
