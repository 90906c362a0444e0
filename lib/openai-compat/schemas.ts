import { z } from "zod";

/**
 * OpenAI's Chat Completions wire format, the part Atelier answers (POST /api/v1/chat/completions,
 * GET /api/v1/models). `model` names a GPT by its slug. Fields OpenAI defines that do not apply to a
 * GPT (tools, response_format, n > 1, logprobs…) are accepted and ignored, or refused when ignoring
 * them would change the answer's meaning, so clients built for OpenAI work unchanged.
 */
const textPartSchema = z.object({ type: z.literal("text"), text: z.string() });

const contentSchema = z.union([
  z.string(),
  z.array(
    z.union([
      textPartSchema,
      // Images, audio and files: refused with a clear message (GPT chats are text).
      z.looseObject({ type: z.string() }),
    ]),
  ),
]);

export const chatMessageSchema = z
  .looseObject({
    role: z.enum(["system", "developer", "user", "assistant", "tool"]),
    content: contentSchema.nullable().optional(),
    name: z.string().optional(),
  })
  .meta({ id: "ChatCompletionMessage" });

export const chatCompletionRequestSchema = z
  .looseObject({
    model: z
      .string()
      .min(1)
      .meta({ description: "A GPT's slug, as listed by GET /api/v1/models." }),
    messages: z
      .array(chatMessageSchema)
      .min(1, "Send at least one message.")
      .max(500, "Send at most 500 messages."),
    stream: z.boolean().nullable().optional(),
    stream_options: z.looseObject({ include_usage: z.boolean().optional() }).nullable().optional(),
    temperature: z.number().min(0).max(2).nullable().optional(),
    max_tokens: z.number().int().positive().nullable().optional(),
    max_completion_tokens: z.number().int().positive().nullable().optional(),
    n: z.number().int().min(1).max(1, "Only n = 1 is supported.").nullable().optional(),
    user: z.string().max(256).optional(),
    store: z.boolean().nullable().optional().meta({
      description:
        "Atelier: keep this exchange as a conversation in the key owner's history. The response's `conversation` names it.",
    }),
    conversation: z.string().min(1).max(64).optional().meta({
      description:
        "Atelier extension: continue a stored conversation (its history comes from Atelier; only the last user message of `messages` is used).",
    }),
  })
  .meta({ id: "ChatCompletionRequest" });
export type ChatCompletionRequest = z.infer<typeof chatCompletionRequestSchema>;

const usageSchema = z
  .object({
    prompt_tokens: z.number().int(),
    completion_tokens: z.number().int(),
    total_tokens: z.number().int(),
  })
  .meta({ id: "CompletionUsage" });

export const urlCitationSchema = z
  .object({
    type: z.literal("url_citation"),
    url_citation: z.object({
      url: z.string(),
      title: z.string(),
      start_index: z.number().int(),
      end_index: z.number().int(),
    }),
  })
  .meta({ id: "UrlCitation" });

export const chatCompletionSchema = z
  .object({
    id: z.string(),
    object: z.literal("chat.completion"),
    created: z.number().int(),
    model: z.string(),
    choices: z.array(
      z.object({
        index: z.number().int(),
        message: z.object({
          role: z.literal("assistant"),
          content: z.string().nullable(),
          refusal: z.string().nullable(),
          annotations: z.array(urlCitationSchema).optional(),
        }),
        finish_reason: z.enum(["stop", "length", "content_filter"]),
        logprobs: z.null(),
      }),
    ),
    usage: usageSchema,
    conversation: z.string().nullable().meta({
      description: "Atelier: the stored conversation (with `store` or `conversation`), else null.",
    }),
  })
  .meta({ id: "ChatCompletion" });
export type ChatCompletion = z.infer<typeof chatCompletionSchema>;

export const chatCompletionChunkSchema = z
  .object({
    id: z.string(),
    object: z.literal("chat.completion.chunk"),
    created: z.number().int(),
    model: z.string(),
    choices: z.array(
      z.object({
        index: z.number().int(),
        delta: z.object({
          role: z.literal("assistant").optional(),
          content: z.string().optional(),
          annotations: z.array(urlCitationSchema).optional(),
        }),
        finish_reason: z.enum(["stop", "length", "content_filter"]).nullable(),
        logprobs: z.null(),
      }),
    ),
    usage: usageSchema.nullable().optional(),
  })
  .meta({ id: "ChatCompletionChunk" });
export type ChatCompletionChunk = z.infer<typeof chatCompletionChunkSchema>;

export const modelSchema = z
  .object({
    id: z.string().meta({ description: "The GPT's slug: pass it as `model`." }),
    object: z.literal("model"),
    created: z.number().int(),
    owned_by: z.string().meta({ description: "The GPT's creator (display name)." }),
    name: z.string().meta({ description: "Atelier: the GPT's name." }),
    description: z.string().meta({ description: "Atelier: the GPT's description." }),
  })
  .meta({ id: "Model" });

export const modelListSchema = z
  .object({ object: z.literal("list"), data: z.array(modelSchema) })
  .meta({ id: "ModelList" });
export type ModelList = z.infer<typeof modelListSchema>;
