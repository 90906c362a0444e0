import { listPlans, toPublicPlan } from "@/lib/billing/plans";
import { isBillingEnabled } from "@/lib/billing/stripe";
import { route } from "@/lib/http/route";

export const dynamic = "force-dynamic";

/** GET → { isBillingEnabled, plans: PublicPlan[] }: the plans on offer (Free alone without Stripe). */
export const GET = route({ access: "public" }, async () => ({
  isBillingEnabled: isBillingEnabled(),
  plans: (await listPlans({ includeArchived: false })).map(toPublicPlan),
}));
