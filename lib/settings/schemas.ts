import { z } from "zod";
import { formatDollars, parseDollars } from "../limits/dollars";

const wholeNumber = (label: string, max: number, min = 1) =>
  z.coerce
    .number({ error: `Enter ${label}.` })
    .int("Use a whole number.")
    .min(min, `Must be at least ${min}.`)
    .max(max, `At most ${max.toLocaleString("en-US")}.`);

/**
 * A daily spend cap in dollars, as typed ("20", "20.00", "$1,250.5") or a JSON number; 0 is no cap.
 * Out: the canonical text ("20.00"), which parses again to the same micro-dollars.
 */
const dollarAmount = (fallback: string) =>
  z
    .union([z.string(), z.number()], { error: "Enter an amount in dollars, e.g. 20.00." })
    .default(fallback)
    .transform((value, context) => {
      const parsed = parseDollars(String(value));
      if (parsed.isValid) return formatDollars(parsed.micros);
      context.addIssue({ code: "custom", message: parsed.error });
      return z.NEVER;
    });

/** What an admin may change in PUT /api/admin/settings (every field required: the form sends all). */
export const instanceSettingsInputSchema = z.object({
  knowledgeMaxFilesPerGpt: wholeNumber("the number of files", 1000),
  knowledgeMaxFileMb: wholeNumber("a size in MB", 2048),
  knowledgeMaxTokensPerFile: wholeNumber("a number of tokens", 100_000_000),
  knowledgeMaxMbPerCreator: wholeNumber("a size in MB", 10_000_000),
  /** An enabled EMBEDDING model's id; null: lexical retrieval only. */
  embeddingModelConfigId: z
    .string()
    .trim()
    .max(100)
    .nullable()
    .transform((value) => (value === "" ? null : value)),
  /**
   * Egress guard: exact "host:port" entries reachable even on private addresses (an API on the
   * same network, the test fixtures). Nothing else on those addresses is.
   */
  egressAllowlist: z
    .array(
      z
        .string()
        .trim()
        .toLowerCase()
        .regex(
          /^(\[[0-9a-f:.]+\]|[a-z0-9.-]+):\d{1,5}$/,
          'Use "host:port", e.g. 10.0.0.5:8080 or api.internal:443.',
        )
        .refine((entry) => Number(entry.split(":").at(-1)) <= 65535, "Ports go up to 65535."),
    )
    .max(100, "At most 100 entries.")
    .default([]),
  /** Egress guard: ports allowed besides 80 and 443, on public addresses. */
  egressAllowedPorts: z
    .array(
      z.coerce.number().int("Use whole port numbers.").min(1).max(65535, "Ports go up to 65535."),
    )
    .max(100, "At most 100 ports.")
    .default([]),
  /** Action calls the model may make in one answer. */
  actionMaxCallsPerTurn: wholeNumber("a number of calls", 50).default(8),
  /** Chat limits (lib/limits): messages a user may send at once. */
  chatBurstMessages: wholeNumber("a number of messages", 1000).default(10),
  /** Chat limits: sustained messages per user per minute (the burst refills at this rate). */
  chatMessagesPerMinute: wholeNumber("a number of messages", 10_000).default(20),
  /** Chat limits: messages per user per UTC day; 0: unlimited. */
  chatDailyMessages: wholeNumber("a number of messages", 1_000_000, 0).default(500),
  /** Chat limits: model spend per GPT per UTC day, in dollars ("20.00"); "0.00": no cap. */
  gptDailySpendCapDollars: dollarAmount("20.00"),
  /** Chat limits: model spend of the whole instance per UTC day, in dollars; "0.00": no cap. */
  instanceDailySpendCapDollars: dollarAmount("100.00"),
});
export type InstanceSettingsInput = z.infer<typeof instanceSettingsInputSchema>;

/** The settings as the admin screen sees them. */
export type InstanceSettingsView = z.output<typeof instanceSettingsInputSchema>;
