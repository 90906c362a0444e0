import { planInputSchema } from "@/lib/billing/plan-schemas";
import { savePlan } from "@/lib/billing/plans";
import { route } from "@/lib/http/route";

export const dynamic = "force-dynamic";

/** PUT PlanInput → { plan: PublicPlan } (the whole plan; a new price makes a new Stripe Price). */
export const PUT = route<typeof planInputSchema, { id: string }>(
  { access: "admin", body: planInputSchema },
  async ({ actor, body, params }) => ({
    plan: await savePlan({ actor, id: params.id, input: body }),
  }),
);
