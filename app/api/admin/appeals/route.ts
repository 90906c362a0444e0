import { route } from "@/lib/http/route";
import { listPendingAppeals } from "@/lib/moderation/appeals";

export const dynamic = "force-dynamic";

/** GET → AppealsPage: pending appeals of decisions that still apply, oldest first. */
export const GET = route({ access: "moderator" }, async ({ actor }) =>
  listPendingAppeals({ actor }),
);
