import { route } from "@/lib/http/route";
import { startPayoutOnboarding } from "@/lib/payouts/connect";

export const dynamic = "force-dynamic";

/** POST → { url }: Stripe's hosted onboarding for the creator's connected account. */
export const POST = route({ access: "user" }, async ({ actor }) =>
  startPayoutOnboarding({ actor }),
);
