import { route } from "@/lib/http/route";
import { replyToReview } from "@/lib/reviews/reply-to-review";
import { replyInputSchema } from "@/lib/reviews/schemas";

export const dynamic = "force-dynamic";

/** POST { body } → { review }: the GPT creator's one reply to a review (409 on a second). */
export const POST = route<typeof replyInputSchema, { id: string }>(
  { access: "user", body: replyInputSchema },
  async ({ actor, body, params }) => ({
    review: await replyToReview({ actor, reviewId: params.id, input: body }),
  }),
);
