import { route } from "@/lib/http/route";
import {
  getModerationSettingsForAdmin,
  saveModerationSettings,
} from "@/lib/moderation/review/moderation-settings";
import { moderationSettingsInputSchema } from "@/lib/moderation/review/schemas";

export const dynamic = "force-dynamic";

/** GET → { listingReviewPolicy, blockedTerms, protectedNames }. */
export const GET = route({ access: "admin" }, async ({ actor }) =>
  getModerationSettingsForAdmin({ actor }),
);

/** PUT { listingReviewPolicy, blockedTerms, protectedNames } → the saved settings (audited). */
export const PUT = route(
  { access: "admin", body: moderationSettingsInputSchema },
  async ({ actor, body }) => saveModerationSettings({ actor, input: body }),
);
