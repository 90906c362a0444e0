import { AppError } from "@/lib/errors";
import { route } from "@/lib/http/route";
import { listNotifications } from "@/lib/notifications/queries";
import { parseNotificationListQuery } from "@/lib/notifications/schemas";

export const dynamic = "force-dynamic";

/** GET ?cursor=&unread=1 → NotificationsPage: the signed-in user's own, newest first, 20 a page. */
export const GET = route({ access: "user" }, async ({ actor, request }) => {
  const parsed = parseNotificationListQuery(new URL(request.url).searchParams);
  if (!parsed.success) {
    throw new AppError("bad_request", parsed.error.issues[0]?.message ?? "Invalid query.");
  }
  return listNotifications({ actor, query: parsed.data });
});
