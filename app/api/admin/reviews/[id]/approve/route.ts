import { route } from "@/lib/http/route";
import { approveListingReview } from "@/lib/moderation/review/decide-review";
import { approveReviewSchema } from "@/lib/moderation/review/schemas";

export const dynamic = "force-dynamic";

/** POST { note? } → { result }: the GPT is listed. 409 when another moderator decided first. */
export const POST = route<typeof approveReviewSchema, { id: string }>(
  { access: "moderator", body: approveReviewSchema },
  async ({ actor, body, params }) => ({
    result: await approveListingReview({ actor, reviewId: params.id, input: body }),
  }),
);
