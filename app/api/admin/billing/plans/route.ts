import { planInputSchema } from "@/lib/billing/plan-schemas";
import { listPlans, savePlan, toPublicPlan } from "@/lib/billing/plans";
import { route } from "@/lib/http/route";

export const dynamic = "force-dynamic";

/** GET → { plans: PublicPlan[] } (archived included). */
export const GET = route({ access: "admin" }, async () => ({
  plans: (await listPlans({ includeArchived: true })).map(toPublicPlan),
}));

/** POST PlanInput → 201 { plan: PublicPlan }; a paid plan's Stripe Product and Prices too. */
export const POST = route({ access: "admin", body: planInputSchema }, async ({ actor, body }) =>
  Response.json({ plan: await savePlan({ actor, input: body }) }, { status: 201 }),
);
