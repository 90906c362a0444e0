import { route } from "@/lib/http/route";
import { resubmitListing } from "@/lib/moderation/review/resubmit-listing";
import { resubmitListingSchema } from "@/lib/moderation/review/schemas";

export const dynamic = "force-dynamic";

/**
 * POST { note? } → { status: "IN_REVIEW" }: the owner of a rejected listing asks for another look.
 * Needs a version published since the rejection, or a note for the moderators (400 otherwise).
 */
export const POST = route<typeof resubmitListingSchema, { id: string }>(
  { access: "user", body: resubmitListingSchema },
  async ({ actor, body, params }) => resubmitListing({ actor, gptId: params.id, input: body }),
);
