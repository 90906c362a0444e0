import { route } from "@/lib/http/route";
import { markNotificationsRead } from "@/lib/notifications/mark-read";
import { markReadInputSchema } from "@/lib/notifications/schemas";

export const dynamic = "force-dynamic";

/**
 * POST { ids } or { all: true } → { updated, unreadCount }. Only the signed-in user's own
 * notifications change; other ids are ignored.
 */
export const POST = route<typeof markReadInputSchema>(
  { access: "user", body: markReadInputSchema },
  ({ actor, body }) => markNotificationsRead({ actor, input: body }),
);
