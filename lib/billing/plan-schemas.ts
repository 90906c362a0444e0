import { z } from "zod";
import { parseWholeCents } from "../limits/dollars";

/** A price typed by an admin ("9", "$19.99") → whole cents; Stripe prices are in cents. */
const priceCentsSchema = z.string().transform((raw, context) => {
  const parsed = parseWholeCents(raw);
  if (!parsed.isValid) {
    context.addIssue({ code: "custom", message: parsed.error });
    return z.NEVER;
  }
  if (parsed.cents > 10_000_000) {
    context.addIssue({ code: "custom", message: "At most $100,000." });
    return z.NEVER;
  }
  return parsed.cents;
});

const count = (what: string) =>
  z.coerce
    .number({ error: `Enter a whole number of ${what}.` })
    .int(`Enter a whole number of ${what}.`)
    .min(0, "Use 0 or more.")
    .max(100_000_000);

export const planInputSchema = z.object({
  name: z.string().trim().min(1, "Enter a plan name.").max(40, "At most 40 characters."),
  description: z.string().trim().max(300, "At most 300 characters.").default(""),
  /** "0" only for the Free plan; paid plans cost at least $0.50 (Stripe's minimum charge). */
  monthlyPrice: priceCentsSchema,
  /** Empty: no yearly option. */
  yearlyPrice: z
    .string()
    .trim()
    .transform((raw) => (raw === "" ? null : raw))
    .pipe(priceCentsSchema.nullable())
    .default(null),
  /** 0: no allowance of that kind (unlimited). */
  dailyMessages: count("messages"),
  monthlyMessages: count("messages"),
  allowsPremiumModels: z.boolean().default(false),
  knowledgeMaxMb: count("MB").pipe(z.number().min(1, "At least 1 MB.")),
  maxPublicGpts: count("GPTs"),
  hasApiAccess: z.boolean().default(false),
  isArchived: z.boolean().default(false),
  sortOrder: count("places").default(0),
});
export type PlanInput = z.input<typeof planInputSchema>;
export type ParsedPlanInput = z.output<typeof planInputSchema>;

/** A plan as the admin screens and the pricing page see it (no Stripe internals). */
export type PublicPlan = {
  id: string;
  name: string;
  description: string;
  isFree: boolean;
  isArchived: boolean;
  monthlyPriceCents: number;
  yearlyPriceCents: number | null;
  dailyMessages: number;
  monthlyMessages: number;
  allowsPremiumModels: boolean;
  knowledgeMaxMb: number;
  maxPublicGpts: number;
  hasApiAccess: boolean;
  sortOrder: number;
  /** Stripe has this plan's product and prices (paid plans only). */
  isSyncedWithStripe: boolean;
};
