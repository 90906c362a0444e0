import type { ZodOpenApiPathsObject } from "zod-openapi";
import {
  chatCompletionChunkSchema,
  chatCompletionRequestSchema,
  chatCompletionSchema,
  modelListSchema,
} from "../../openai-compat/schemas";
import { errorResponses, jsonBody, jsonResponse, requiresScope } from "./shared";

/** The OpenAI-compatible endpoints (lib/openai-compat): the official clients work unchanged. */
export const openAiPaths: ZodOpenApiPathsObject = {
  "/chat/completions": {
    post: {
      operationId: "createChatCompletion",
      tags: ["Chat"],
      summary: "Chat with a GPT",
      description:
        "OpenAI's Chat Completions, answered by a GPT's published version: `model` is the GPT's slug. Its instructions, knowledge (citations as `url_citation` annotations) and actions apply. Send the history yourself (stateless, as with OpenAI), or set `store` to keep the exchange in your history and `conversation` to continue it. With `stream: true` the answer arrives as server-sent events (`data: <chunk>` lines, then `data: [DONE]`); `stream_options.include_usage` adds a last chunk with usage. Metered like store usage, against your plan's allowance and credits.",
      ...requiresScope("chat"),
      requestBody: jsonBody(chatCompletionRequestSchema, {
        model: "tide-guide-3f9a2c",
        messages: [{ role: "user", content: "When is the next spring tide?" }],
      }),
      responses: {
        200: {
          description:
            "The answer; with `stream: true`, server-sent events whose data is one chunk each.",
          content: {
            "application/json": { schema: chatCompletionSchema },
            "text/event-stream": { schema: chatCompletionChunkSchema },
          },
        },
        ...errorResponses(400, 404),
      },
    },
  },
  "/models": {
    get: {
      operationId: "listModels",
      tags: ["Chat"],
      summary: "List the GPTs you can chat with",
      description:
        "The GPTs you can chat with, as OpenAI models: your own published GPTs, then the store's listed GPTs. Pass an `id` (the GPT's slug) as `model`; link-only GPTs work by slug without being listed.",
      ...requiresScope("chat"),
      responses: {
        200: jsonResponse(modelListSchema, "The GPTs, as OpenAI models."),
        ...errorResponses(),
      },
    },
  },
};
