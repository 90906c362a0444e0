import { z } from "zod";

/** Dollars per million tokens as typed by an admin, stored as integer micro-dollars. */
export const pricePerMillionSchema = z.coerce
  .number({ error: "Enter a price in dollars, e.g. 0.15." })
  .min(0, "Prices cannot be negative.")
  .max(10_000, "That price looks wrong (over $10,000 per million tokens).");

export function dollarsToMicros(dollars: number): number {
  return Math.round(dollars * 1_000_000);
}

export function microsToDollars(micros: number): number {
  return micros / 1_000_000;
}

export const MODEL_KINDS = ["CHAT", "EMBEDDING"] as const;
export type ModelKind = (typeof MODEL_KINDS)[number];

export const modelConfigInputSchema = z.object({
  displayName: z.string().trim().min(1, "Enter a display name.").max(60),
  baseUrl: z
    .url({ protocol: /^https?$/, error: "Enter an http(s) URL, e.g. https://api.openai.com/v1." })
    .trim()
    .max(500),
  modelId: z.string().trim().min(1, "Enter the provider's model id.").max(200),
  /** Empty string keeps the stored key; null removes it. */
  apiKey: z.string().max(500).nullable().optional(),
  inputPricePerMillion: pricePerMillionSchema,
  outputPricePerMillion: pricePerMillionSchema,
  contextWindow: z.coerce
    .number()
    .int("Use a whole number of tokens.")
    .min(1024, "At least 1,024 tokens.")
    .max(10_000_000),
  isDefault: z.boolean().default(false),
  isEnabled: z.boolean().default(true),
  /**
   * CHAT answers conversations; EMBEDDING only turns knowledge into vectors (never the default).
   * Absent: CHAT for a new model, unchanged on an edit.
   */
  kind: z.enum(MODEL_KINDS).optional(),
  /**
   * The endpoint is on a private network the admin trusts (Ollama on localhost, a vLLM box):
   * its requests skip the egress guard. Off: model calls are guarded like any other.
   */
  isEgressExempt: z.boolean().default(false),
  /** Answers only for users whose plan includes premium models (Admin → Billing). */
  isPremium: z.boolean().default(false),
});
export type ModelConfigInput = z.infer<typeof modelConfigInputSchema>;

const fields = modelConfigInputSchema.shape;

/**
 * A partial update (e.g. `{ isEnabled: false }` from the list's toggle). Absent fields keep their
 * stored values; no defaults here, or a toggle would silently reset the default flag.
 */
export const modelConfigPatchSchema = z
  .object({
    displayName: fields.displayName.optional(),
    baseUrl: fields.baseUrl.optional(),
    modelId: fields.modelId.optional(),
    apiKey: fields.apiKey,
    inputPricePerMillion: fields.inputPricePerMillion.optional(),
    outputPricePerMillion: fields.outputPricePerMillion.optional(),
    contextWindow: fields.contextWindow.optional(),
    isDefault: z.boolean().optional(),
    isEnabled: z.boolean().optional(),
    kind: z.enum(MODEL_KINDS).optional(),
    isEgressExempt: z.boolean().optional(),
    isPremium: z.boolean().optional(),
  })
  .refine((patch) => Object.values(patch).some((value) => value !== undefined), {
    error: "Nothing to update.",
  });
export type ModelConfigPatch = z.infer<typeof modelConfigPatchSchema>;

/** What the browser may see of a model: never the key itself. */
export type PublicModelConfig = {
  id: string;
  displayName: string;
  baseUrl: string;
  modelId: string;
  hasApiKey: boolean;
  inputPricePerMillion: number;
  outputPricePerMillion: number;
  contextWindow: number;
  isDefault: boolean;
  isEnabled: boolean;
  kind: ModelKind;
  isEgressExempt: boolean;
  isPremium: boolean;
};
