import { route } from "@/lib/http/route";
import { countPendingReviews, listListingReviews } from "@/lib/moderation/review/queries";
import { reviewQueueFilterSchema } from "@/lib/moderation/review/schemas";
import { reviewPageSchema } from "@/lib/reviews/schemas";

export const dynamic = "force-dynamic";

/**
 * GET ?status=pending|decided&page= → ReviewQueuePage (pending oldest first; decided newest first).
 * GET ?count=pending → { pendingCount } only.
 */
export const GET = route({ access: "moderator" }, async ({ actor, request }) => {
  const search = new URL(request.url).searchParams;
  if (search.get("count") === "pending") {
    return { pendingCount: await countPendingReviews({ actor }) };
  }
  return listListingReviews({
    actor,
    filter: reviewQueueFilterSchema.parse(search.get("status") ?? "pending"),
    page: reviewPageSchema.parse(search.get("page") ?? 1),
  });
});
