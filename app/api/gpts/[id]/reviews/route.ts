import { route } from "@/lib/http/route";
import { createReview } from "@/lib/reviews/create-review";
import { getGptReviews } from "@/lib/reviews/queries";
import { reviewInputSchema, reviewPageSchema } from "@/lib/reviews/schemas";

export const dynamic = "force-dynamic";

/** GET ?page= → ReviewsPage: summary, a page of reviews and what the viewer may do. Public. */
export const GET = route<undefined, { id: string }, "public">(
  { access: "public" },
  async ({ actor, params, request }) => {
    const page = reviewPageSchema.parse(new URL(request.url).searchParams.get("page") ?? 1);
    return getGptReviews({ actor, gptId: params.id, page });
  },
);

/** POST { rating, body? } → { review }. 409 when the actor already reviewed this GPT. */
export const POST = route<typeof reviewInputSchema, { id: string }>(
  { access: "user", body: reviewInputSchema },
  async ({ actor, body, params }) => ({
    review: await createReview({ actor, gptId: params.id, input: body }),
  }),
);
