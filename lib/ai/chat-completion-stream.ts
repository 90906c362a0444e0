import "server-only";
import { createParser } from "eventsource-parser";

/**
 * A streamed Chat Completions call (any OpenAI-compatible endpoint) for answers without tools, the
 * most common chat turn. The AI SDK's streamText, which every turn with tools still uses, passes
 * each delta through a dozen web-stream stages: on 2 cores that was about 0.5 ms of CPU per delta,
 * the largest cost of a turn (`npm run bench:chat`, CPU profile). Here a delta costs one SSE
 * parse and one JSON.parse. Same request, same wire format, same error messages (model-errors.ts).
 */
export type ChatCompletionEvent =
  | { type: "text"; delta: string }
  | { type: "usage"; inputTokens: number; outputTokens: number }
  | { type: "finish"; reason: string | null };

/** An HTTP error from the provider, with its status (see describeModelError). */
export class ModelCallError extends Error {
  readonly statusCode: number | null;

  constructor(message: string, statusCode: number | null) {
    super(message);
    this.name = "ModelCallError";
    this.statusCode = statusCode;
  }
}

type Delta = {
  choices?: { delta?: { content?: string | null }; finish_reason?: string | null }[];
  usage?: { prompt_tokens?: number; completion_tokens?: number } | null;
  error?: { message?: string };
};

export async function* streamChatCompletion({
  baseUrl,
  apiKey,
  modelId,
  system,
  messages,
  maxOutputTokens,
  temperature,
  fetch: fetchImpl = fetch,
  signal,
}: {
  baseUrl: string;
  apiKey?: string;
  modelId: string;
  system: string;
  messages: { role: "user" | "assistant"; content: string }[];
  maxOutputTokens: number;
  temperature?: number;
  fetch?: typeof fetch;
  signal: AbortSignal;
}): AsyncGenerator<ChatCompletionEvent> {
  const response = await fetchImpl(`${baseUrl.replace(/\/+$/, "")}/chat/completions`, {
    method: "POST",
    headers: {
      "content-type": "application/json",
      // Local servers (Ollama, llama.cpp) accept any key; some clients insist on one.
      authorization: `Bearer ${apiKey || "not-needed"}`,
    },
    body: JSON.stringify({
      model: modelId,
      messages: [{ role: "system", content: system }, ...messages],
      max_tokens: maxOutputTokens,
      ...(temperature !== undefined ? { temperature } : {}),
      stream: true,
      stream_options: { include_usage: true },
    }),
    signal,
  });
  if (!response.ok || !response.body) {
    const text = await response.text().catch(() => "");
    throw new ModelCallError(
      `The model provider answered HTTP ${response.status}: ${text.slice(0, 200)}`,
      response.status,
    );
  }
  const events: ChatCompletionEvent[] = [];
  let providerError: string | null = null;
  const parser = createParser({
    onEvent: (event) => {
      if (event.data === "[DONE]") return;
      const chunk = JSON.parse(event.data) as Delta;
      if (chunk.error) {
        providerError = chunk.error.message ?? "The model provider reported an error.";
        return;
      }
      const choice = chunk.choices?.[0];
      const content = choice?.delta?.content;
      if (content) events.push({ type: "text", delta: content });
      if (choice?.finish_reason) events.push({ type: "finish", reason: choice.finish_reason });
      if (chunk.usage) {
        events.push({
          type: "usage",
          inputTokens: chunk.usage.prompt_tokens ?? 0,
          outputTokens: chunk.usage.completion_tokens ?? 0,
        });
      }
    },
  });
  const decoder = new TextDecoder();
  const reader = response.body.getReader();
  try {
    for (;;) {
      const { value, done } = await reader.read();
      if (done) break;
      parser.feed(decoder.decode(value, { stream: true }));
      if (providerError) throw new ModelCallError(providerError, null);
      // Everything one read carried goes out together.
      yield* events.splice(0);
    }
  } finally {
    reader.releaseLock();
  }
}
