import { z } from "zod";
import { parseDollars } from "../limits/dollars";

/** A credit pack's price as typed ("5", "$10.00") → cents; Stripe's minimum charge is $0.50. */
const packCentsSchema = z.string().transform((raw, context) => {
  const parsed = parseDollars(raw);
  if (!parsed.isValid) {
    context.addIssue({ code: "custom", message: parsed.error });
    return z.NEVER;
  }
  if (parsed.micros % 10_000n !== 0n) {
    context.addIssue({ code: "custom", message: "Use whole cents, e.g. 12.50." });
    return z.NEVER;
  }
  const cents = Number(parsed.micros / 10_000n);
  if (cents < 50 || cents > 100_000) {
    context.addIssue({ code: "custom", message: "Packs cost from $0.50 to $1,000." });
    return z.NEVER;
  }
  return cents;
});

/** Admin → Billing: what credits cost and how long a failed renewal keeps its plan. */
export const billingSettingsInputSchema = z.object({
  /** Usage beyond the allowance costs the model's price × this / 100 in credits. */
  creditPricePercent: z.coerce
    .number({ error: "Enter a percentage." })
    .int("Use a whole percentage.")
    .min(100, "At least 100 % (credits never sell usage below its cost).")
    .max(1000, "At most 1,000 %."),
  /** The packs offered, as dollar amounts; none: credits are not sold. */
  creditPacks: z
    .array(packCentsSchema)
    .max(6, "Offer at most 6 packs.")
    .transform((packs) => [...new Set(packs)].sort((a, b) => a - b)),
  /** Days a past-due subscription keeps its plan while Stripe retries the payment. */
  pastDueGraceDays: z.coerce
    .number({ error: "Enter a number of days." })
    .int("Use whole days.")
    .min(0, "Use 0 or more days.")
    .max(60, "At most 60 days."),
});
export type BillingSettingsInput = z.input<typeof billingSettingsInputSchema>;

/** The billing settings as the admin form shows them (pack prices in dollars, as typed). */
export type BillingSettingsView = {
  creditPricePercent: number;
  creditPacks: string[];
  pastDueGraceDays: number;
};
