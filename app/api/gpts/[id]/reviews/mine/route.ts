import { route } from "@/lib/http/route";
import { deleteReview } from "@/lib/reviews/delete-review";
import { reviewInputSchema } from "@/lib/reviews/schemas";
import { updateReview } from "@/lib/reviews/update-review";

export const dynamic = "force-dynamic";

/** PATCH { rating, body? } → { review }: edits the signed-in user's own review of this GPT. */
export const PATCH = route<typeof reviewInputSchema, { id: string }>(
  { access: "user", body: reviewInputSchema },
  async ({ actor, body, params }) => ({
    review: await updateReview({ actor, gptId: params.id, input: body }),
  }),
);

/** DELETE → { ok: true }: deletes the signed-in user's own review of this GPT. */
export const DELETE = route<undefined, { id: string }>(
  { access: "user" },
  async ({ actor, params }) => {
    await deleteReview({ actor, gptId: params.id });
    return { ok: true };
  },
);
