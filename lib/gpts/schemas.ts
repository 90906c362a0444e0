import { z } from "zod";
import { isAvatarColor } from "../utils/avatar-colors";
import { CAPABILITY_KEYS } from "./capabilities";

export const GPT_LIMITS = {
  name: 50,
  description: 300,
  instructions: 8000,
  starters: 4,
  starterLength: 200,
  temperatureMin: 0,
  temperatureMax: 2,
  knowledgeTopKMin: 1,
  knowledgeTopKMax: 20,
} as const;

/**
 * Uploaded avatars are stored under `avatars/<ownerId>/<random>.webp`; the draft names one by key.
 * The server also checks the key belongs to the actor and the file exists.
 */
export const AVATAR_KEY_PATTERN = /^avatars\/[a-z0-9]+\/[A-Za-z0-9_-]{16,64}\.webp$/;

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
  avatarKey: z
    .string()
    .regex(AVATAR_KEY_PATTERN, "Upload the picture again.")
    .nullable()
    .default(null),
  avatarColor: z
    .string()
    .refine(isAvatarColor, "Pick one of the offered colours.")
    .nullable()
    .default(null),
  temperature: z
    .number("Enter a number.")
    .min(GPT_LIMITS.temperatureMin, "Use a temperature between 0 and 2.")
    .max(GPT_LIMITS.temperatureMax, "Use a temperature between 0 and 2.")
    .nullable()
    .default(null),
  capabilities: z
    .array(
      z
        .string()
        .refine(
          (key) => (CAPABILITY_KEYS as readonly string[]).includes(key),
          "Unknown capability.",
        ),
    )
    .default([])
    .transform((keys) => [...new Set(keys)].sort()),
  knowledgeTopK: z
    .number("Enter a whole number.")
    .int("Enter a whole number.")
    .min(GPT_LIMITS.knowledgeTopKMin, "Give the model between 1 and 20 passages.")
    .max(GPT_LIMITS.knowledgeTopKMax, "Give the model between 1 and 20 passages.")
    .default(5),
  knowledgeMinScore: z
    .number("Enter a number.")
    .min(0, "Use a relevance between 0 and 1.")
    .max(1, "Use a relevance between 0 and 1.")
    .default(0.1),
  hideKnowledgeSources: z.boolean().default(false),
  knowledgeOnly: z.boolean().default(false),
  allowRemix: z.boolean().default(false),
  allowKnowledgeRemix: z.boolean().default(false),
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
