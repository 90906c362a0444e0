import { z } from "zod";

const wholeNumber = (label: string, max: number) =>
  z.coerce
    .number({ error: `Enter ${label}.` })
    .int("Use a whole number.")
    .min(1, "Must be at least 1.")
    .max(max, `At most ${max.toLocaleString("en-US")}.`);

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
});
export type InstanceSettingsInput = z.infer<typeof instanceSettingsInputSchema>;

/** The settings as the admin screen sees them. */
export type InstanceSettingsView = z.output<typeof instanceSettingsInputSchema>;
