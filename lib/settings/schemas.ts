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
});
export type InstanceSettingsInput = z.infer<typeof instanceSettingsInputSchema>;

/** The settings as the admin screen sees them. */
export type InstanceSettingsView = InstanceSettingsInput;
