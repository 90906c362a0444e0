import "server-only";
import type { ApiCaller } from "../api-keys/authenticate-api-key";
import { startExternalTurn } from "../chat/external-turn";
import { AppError } from "../errors";
import type { Citation } from "../knowledge/citations/types";
import { toExternalMessages } from "./caller-messages";
import { citationAnnotations, completionEvents, type Usage } from "./completion-events";
import { findGptIdBySlug, modelNotFound } from "./gpt-models";
import type { ChatCompletion, ChatCompletionChunk, ChatCompletionRequest } from "./schemas";

const encoder = new TextEncoder();

/**
 * POST /api/v1/chat/completions: one turn of the GPT named by `model`, through the chat engine on
 * channel API (limits, credits, exactly one usage event), answered in OpenAI's Chat Completions
 * format, streamed (SSE chunks) or whole. A caller that goes away stops the answer, as OpenAI's
 * API does; what was generated is still saved and metered.
 */
export async function createChatCompletion({
  caller,
  body,
  signal,
}: {
  caller: ApiCaller;
  body: ChatCompletionRequest;
  signal: AbortSignal;
}): Promise<Response> {
  const messages = toExternalMessages(body.messages);
  const gptId = await findGptIdBySlug(body.model);
  const started = await startExternalTurn({
    payer: caller.actor,
    gptId,
    channel: "API",
    messages,
    conversation: body.conversation
      ? { id: body.conversation }
      : { create: { apiKeyId: caller.key.id, isStored: body.store === true } },
    maxOutputTokens: body.max_completion_tokens ?? body.max_tokens ?? undefined,
    temperature: body.temperature ?? undefined,
  }).catch((error: unknown) => {
    // A private GPT of someone else reads as missing, in OpenAI's words for a missing model.
    if (
      error instanceof AppError &&
      error.code === "not_found" &&
      error.message === "GPT not found."
    ) {
      throw modelNotFound(body.model);
    }
    throw error;
  });
  const { live } = started;
  const isStored = Boolean(body.conversation) || body.store === true;
  const base = {
    id: `chatcmpl-${started.messageId}`,
    created: Math.floor(Date.now() / 1000),
    model: body.model,
  };
  const conversation = isStored ? started.conversationId : null;
  const headers: Record<string, string> = conversation ? { "x-conversation-id": conversation } : {};
  signal.addEventListener("abort", () => live.stop("user"), { once: true });
  const citations = { current: [] as Citation[] };
  const events = completionEvents(live.chunks(), citations);

  if (!body.stream) {
    let text = "";
    let usage: Usage | null = null;
    for await (const event of events) {
      if (event.type === "text") text += event.delta;
      else if (event.type === "failed") throw upstreamFailure(event.message);
      else usage = event.usage;
    }
    const completion: ChatCompletion = {
      ...base,
      object: "chat.completion",
      choices: [
        {
          index: 0,
          message: {
            role: "assistant",
            content: text,
            refusal: null,
            annotations: citationAnnotations({
              text,
              citations: citations.current,
              slug: body.model,
            }),
          },
          finish_reason: "stop",
          logprobs: null,
        },
      ],
      usage: usage ?? { prompt_tokens: 0, completion_tokens: 0, total_tokens: 0 },
      conversation,
    };
    return Response.json(completion, { headers });
  }

  const includeUsage = body.stream_options?.include_usage === true;
  const frame = (payload: unknown) => encoder.encode(`data: ${JSON.stringify(payload)}\n\n`);
  const chunk = (
    delta: ChatCompletionChunk["choices"][number]["delta"],
    finishReason: "stop" | null = null,
  ): ChatCompletionChunk => ({
    ...base,
    object: "chat.completion.chunk",
    choices: [{ index: 0, delta, finish_reason: finishReason, logprobs: null }],
    ...(includeUsage ? { usage: null } : {}),
  });
  const stream = new ReadableStream<Uint8Array>({
    async start(controller) {
      let text = "";
      controller.enqueue(frame(chunk({ role: "assistant", content: "" })));
      for await (const event of events) {
        if (event.type === "text") {
          text += event.delta;
          controller.enqueue(frame(chunk({ content: event.delta })));
        } else if (event.type === "failed") {
          // The `openai` client raises an APIError for an `error` event in the stream.
          controller.enqueue(
            frame({
              error: {
                message: event.message,
                type: "server_error",
                param: null,
                code: "upstream_error",
              },
            }),
          );
        } else if (event.status !== "FAILED") {
          const annotations = citationAnnotations({
            text,
            citations: citations.current,
            slug: body.model,
          });
          controller.enqueue(frame(chunk(annotations.length > 0 ? { annotations } : {}, "stop")));
          if (includeUsage) {
            controller.enqueue(
              frame({ ...base, object: "chat.completion.chunk", choices: [], usage: event.usage }),
            );
          }
        }
      }
      controller.enqueue(encoder.encode("data: [DONE]\n\n"));
      controller.close();
    },
    cancel() {
      live.stop("user");
    },
  });
  return new Response(stream, {
    headers: {
      "Content-Type": "text/event-stream; charset=utf-8",
      "Cache-Control": "no-cache, no-transform",
      "X-Accel-Buffering": "no",
      ...headers,
    },
  });
}

function upstreamFailure(message: string): AppError {
  return new AppError("unavailable", message, undefined, {
    details: { reason: "upstream_error" },
  });
}
