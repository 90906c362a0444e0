import { z } from "zod";
import { parseWholeCents } from "../limits/dollars";

/** Admin → Earnings: the revenue share and the payout rules. */
export const payoutSettingsInputSchema = z.object({
  creatorSharePercent: z.coerce
    .number({ error: "Enter a percentage." })
    .int("Use a whole percentage.")
    .min(0, "Use 0 to 100 %.")
    .max(100, "Use 0 to 100 %."),
  engagedAnswersDailyCap: z.coerce
    .number({ error: "Enter a number of answers." })
    .int("Use a whole number.")
    .min(1, "At least 1 answer.")
    .max(1000, "At most 1,000 answers."),
  payoutThreshold: z.string().transform((raw, context) => {
    const parsed = parseWholeCents(raw);
    if (!parsed.isValid) {
      context.addIssue({ code: "custom", message: parsed.error });
      return z.NEVER;
    }
    if (parsed.cents < 100 || parsed.cents > 1_000_000) {
      context.addIssue({ code: "custom", message: "Use $1 to $10,000." });
      return z.NEVER;
    }
    return parsed.cents;
  }),
  payoutHoldingDays: z.coerce
    .number({ error: "Enter a number of days." })
    .int("Use whole days.")
    .min(0, "Use 0 or more days.")
    .max(180, "At most 180 days."),
});
export type PayoutSettingsInput = z.input<typeof payoutSettingsInputSchema>;
export type ParsedPayoutSettings = z.output<typeof payoutSettingsInputSchema>;

/** As the form shows them: the threshold in dollars. */
export type PayoutSettingsView = {
  creatorSharePercent: number;
  engagedAnswersDailyCap: number;
  payoutThreshold: string;
  payoutHoldingDays: number;
};
