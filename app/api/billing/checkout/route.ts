import { z } from "zod";
import { startCreditCheckout, startPlanCheckout } from "@/lib/billing/checkout";
import { route } from "@/lib/http/route";

export const dynamic = "force-dynamic";

const checkoutSchema = z.union([
  z.object({ planId: z.string().min(1), interval: z.enum(["month", "year"]).default("month") }),
  z.object({ packCents: z.number().int().positive() }),
]);

/** POST { planId, interval } | { packCents } → { url } of the Stripe Checkout page. */
export const POST = route({ access: "user", body: checkoutSchema }, async ({ actor, body }) =>
  "planId" in body
    ? startPlanCheckout({ actor, planId: body.planId, interval: body.interval })
    : startCreditCheckout({ actor, packCents: body.packCents }),
);
