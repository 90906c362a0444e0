import { z } from "zod";
import { parseWholeCents } from "../limits/dollars";

/**
 * The packs' prices as typed ("5", "$10.00") → cents, sorted, without repeats. A bad one is
 * reported on the list itself (the form has one field for it); Stripe's minimum charge is $0.50.
 */
const packsCentsSchema = z
  .array(z.string())
  .max(6, "Offer at most 6 packs.")
  .transform((packs, context) => {
    const cents: number[] = [];
    for (const raw of packs) {
      const parsed = parseWholeCents(raw);
      if (!parsed.isValid) context.addIssue({ code: "custom", message: parsed.error });
      else if (parsed.cents < 50 || parsed.cents > 100_000) {
        context.addIssue({ code: "custom", message: "Packs cost from $0.50 to $1,000." });
      } else cents.push(parsed.cents);
    }
    return [...new Set(cents)].sort((a, b) => a - b);
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
  creditPacks: packsCentsSchema,
  /** Days a past-due subscription keeps its plan while Stripe retries the payment. */
  pastDueGraceDays: z.coerce
    .number({ error: "Enter a number of days." })
    .int("Use whole days.")
    .min(0, "Use 0 or more days.")
    .max(60, "At most 60 days."),
});
export type BillingSettingsInput = z.input<typeof billingSettingsInputSchema>;
export type ParsedBillingSettings = z.output<typeof billingSettingsInputSchema>;

/** The billing settings as the admin form shows them (pack prices in dollars, as typed). */
export type BillingSettingsView = {
  creditPricePercent: number;
  creditPacks: string[];
  pastDueGraceDays: number;
};
