import "server-only";
import { createParser } from "eventsource-parser";
import { request as undiciRequest } from "undici";

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
  fetch: fetchImpl,
  signal,
}: {
  baseUrl: string;
  apiKey?: string;
  modelId: string;
  system: string;
  messages: { role: "user" | "assistant"; content: string }[];
  maxOutputTokens: number;
  temperature?: number;
  /** The egress guard's fetch for untrusted endpoints; without it, a direct keep-alive request. */
  fetch?: typeof fetch;
  signal: AbortSignal;
}): AsyncGenerator<ChatCompletionEvent> {
  const url = `${baseUrl.replace(/\/+$/, "")}/chat/completions`;
  const init = {
    method: "POST" as const,
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
  };
  const response = fetchImpl ? await viaFetch(fetchImpl, url, init) : await viaRequest(url, init);
  if (response.status < 200 || response.status > 299) {
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
  for await (const bytes of response.chunks) {
    parser.feed(decoder.decode(bytes, { stream: true }));
    if (providerError) throw new ModelCallError(providerError, null);
    // Everything one read carried goes out together.
    yield* events.splice(0);
  }
}

type RequestInit = {
  method: "POST";
  headers: Record<string, string>;
  body: string;
  signal: AbortSignal;
};

/** The upstream response as this module reads it, whichever client fetched it. */
type UpstreamStream = {
  status: number;
  chunks: AsyncIterable<Uint8Array> | Iterable<Uint8Array>;
  text(): Promise<string>;
};

async function viaFetch(
  fetchImpl: typeof fetch,
  url: string,
  init: RequestInit,
): Promise<UpstreamStream> {
  const response = await fetchImpl(url, init);
  const body = response.body;
  if (!body && response.ok) {
    throw new ModelCallError(
      `The model provider answered HTTP ${response.status} without a body`,
      null,
    );
  }
  return {
    status: response.status,
    chunks: body ? readAll(body) : [],
    text: () => response.text(),
  };
}

async function* readAll(body: ReadableStream<Uint8Array>): AsyncGenerator<Uint8Array> {
  const reader = body.getReader();
  try {
    for (;;) {
      const { value, done } = await reader.read();
      if (done) return;
      yield value;
    }
  } finally {
    reader.releaseLock();
  }
}

/**
 * undici's request() rather than fetch(): the same pooled keep-alive connections, without the
 * WHATWG Request/Response/web-stream objects fetch builds per call and per chunk (the chat engine
 * alone, 100 turns at once on PostgreSQL: 4.8 → 3.2 ms of CPU per turn).
 */
async function viaRequest(url: string, init: RequestInit): Promise<UpstreamStream> {
  const { statusCode, body } = await undiciRequest(url, init);
  return { status: statusCode, chunks: body, text: () => body.text() };
}
