import { z } from "zod";

export const GPT_LIMITS = {
  name: 50,
  description: 300,
  instructions: 8000,
  starters: 4,
  starterLength: 200,
} as const;

export const gptDraftSchema = z.object({
  name: z
    .string()
    .trim()
    .min(1, "Give your GPT a name.")
    .max(GPT_LIMITS.name, `Use at most ${GPT_LIMITS.name} characters.`),
  description: z
    .string()
    .trim()
    .max(GPT_LIMITS.description, `Use at most ${GPT_LIMITS.description} characters.`)
    .default(""),
  instructions: z
    .string()
    .max(
      GPT_LIMITS.instructions,
      `Use at most ${GPT_LIMITS.instructions.toLocaleString("en-US")} characters.`,
    )
    .default(""),
  conversationStarters: z
    .array(
      z
        .string()
        .trim()
        .max(
          GPT_LIMITS.starterLength,
          `Keep each starter under ${GPT_LIMITS.starterLength} characters.`,
        ),
    )
    .max(GPT_LIMITS.starters, `Add at most ${GPT_LIMITS.starters} conversation starters.`)
    .default([])
    .transform((starters) => starters.filter((starter) => starter.length > 0)),
  modelConfigId: z.string().min(1).nullable().default(null),
  categoryId: z.string().min(1).nullable().default(null),
});
export type GptDraftInput = z.input<typeof gptDraftSchema>;
export type GptDraft = z.output<typeof gptDraftSchema>;

export const updateGptDraftSchema = gptDraftSchema.extend({
  /** The revision the editor loaded; a stale one is a conflict, not a silent overwrite. */
  revision: z.number().int().positive(),
});

export const visibilitySchema = z.enum(["PRIVATE", "LINK", "PUBLIC"]);

export const publishGptSchema = z.object({
  visibility: visibilitySchema,
  releaseNote: z.string().trim().max(500, "Keep the note under 500 characters.").optional(),
});
export type PublishGptInput = z.infer<typeof publishGptSchema>;
