import { route } from "@/lib/http/route";
import { rejectListingReview } from "@/lib/moderation/review/decide-review";
import { rejectReviewSchema } from "@/lib/moderation/review/schemas";

export const dynamic = "force-dynamic";

/** POST { reason } (10+ characters, shown to the creator) → { result }. 409 when already decided. */
export const POST = route<typeof rejectReviewSchema, { id: string }>(
  { access: "moderator", body: rejectReviewSchema },
  async ({ actor, body, params }) => ({
    result: await rejectListingReview({ actor, reviewId: params.id, input: body }),
  }),
);
