import { openBillingPortal } from "@/lib/billing/checkout";
import { route } from "@/lib/http/route";

export const dynamic = "force-dynamic";

/** POST → { url } of the user's Stripe Customer Portal. */
export const POST = route({ access: "user" }, async ({ actor }) => openBillingPortal({ actor }));
