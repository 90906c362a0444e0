import { StringDecoder } from "node:string_decoder";
import { Agent, request } from "undici";
import { openAIStreamMarkers, type SseMarkers, SseScanner, uiStreamMarkers } from "./sse-scan";

/**
 * Enough connections per origin for 1000+ streams at once, no pipelining (a stream holds its
 * connection), and timeouts well above a loaded step's slowest answer (the defaults, 10 s to
 * connect and 300 s of silence, could cut a queued request short).
 */
export function createAgent(): Agent {
  return new Agent({
    connections: 4096,
    pipelining: 1,
    connectTimeout: 120_000,
    headersTimeout: 600_000,
    bodyTimeout: 600_000,
    keepAliveTimeout: 10_000,
  });
}

/** For sequential requests (the overhead pairs), which reuse their keep-alive connections. */
const sharedAgent = createAgent();

const REQUEST_TIMEOUT_MS = 600_000;

export type StreamResult = {
  status: number;
  retryAfter: string | null;
  /** Request written → the chunk holding the first answer token; null when none came. */
  ttftMs: number | null;
  totalMs: number;
  /** Reached the stream's finish event. */
  isFinished: boolean;
  /** An error event in the stream, the start of a non-200 body, or the network error. */
  error: string | null;
  conversationId: string | null;
  /** performance.now() when the first token arrived (to tell which streams are open at once). */
  firstTokenAt: number | null;
  endedAt: number;
};

/** One streamed POST, timed: also used by scripts/lib/bench-api for the OpenAI-compatible API. */
export async function streamRequest(options: {
  url: string;
  headers: Record<string, string>;
  body: unknown;
  markers: SseMarkers;
  agent?: Agent;
}): Promise<StreamResult> {
  const startedAt = performance.now();
  const result: StreamResult = {
    status: 0,
    retryAfter: null,
    ttftMs: null,
    totalMs: 0,
    isFinished: false,
    error: null,
    conversationId: null,
    firstTokenAt: null,
    endedAt: 0,
  };
  try {
    const response = await request(options.url, {
      method: "POST",
      dispatcher: options.agent ?? sharedAgent,
      // A script calling the API says where it comes from (lib/http/same-origin.ts).
      headers: {
        "content-type": "application/json",
        origin: new URL(options.url).origin,
        ...options.headers,
      },
      body: JSON.stringify(options.body),
      signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
    });
    result.status = response.statusCode;
    const header = (name: string) => {
      const value = response.headers[name];
      return Array.isArray(value) ? (value[0] ?? null) : (value ?? null);
    };
    result.retryAfter = header("retry-after");
    result.conversationId = header("x-conversation-id");
    if (response.statusCode !== 200) {
      result.error = `HTTP ${response.statusCode}: ${(await response.body.text()).slice(0, 300)}`;
    } else {
      const scanner = new SseScanner(options.markers);
      const decoder = new StringDecoder("utf8");
      for await (const chunk of response.body) {
        if (scanner.push(decoder.write(chunk as Buffer))) {
          result.firstTokenAt = performance.now();
          result.ttftMs = result.firstTokenAt - startedAt;
        }
      }
      result.isFinished = scanner.hasFinish;
      result.error = scanner.errorText;
    }
  } catch (error) {
    const cause = (error as { cause?: { code?: string } }).cause;
    const code = (error as { code?: string }).code ?? cause?.code;
    result.error = `${code ? `${code}: ` : ""}${(error as Error).message}`;
  }
  result.endedAt = performance.now();
  result.totalMs = result.endedAt - startedAt;
  return result;
}

/** A new chat through Atelier (POST /api/chat) as the user whose session cookie is given. */
export function chatTurn(options: {
  appUrl: string;
  cookie: string;
  gptId: string;
  text: string;
  /**
   * A step's own agent: N new chats are N new clients, so they open new connections rather than
   * reuse ones the server may be closing (a POST on a keep-alive socket the server just timed
   * out fails with "other side closed", which would be the bench's fault, not the app's).
   */
  agent?: Agent;
}): Promise<StreamResult> {
  return streamRequest({
    agent: options.agent,
    url: `${options.appUrl}/api/chat`,
    headers: { cookie: options.cookie, origin: options.appUrl },
    body: {
      gptId: options.gptId,
      message: { text: options.text },
      isPreview: false,
      trigger: "submit-message",
    },
    markers: uiStreamMarkers,
  });
}

/** The same kind of answer straight from the upstream (what Atelier's overhead is measured on). */
export function directCompletion(options: {
  fakeUrl: string;
  system: string;
  text: string;
}): Promise<StreamResult> {
  return streamRequest({
    url: `${options.fakeUrl}/chat/completions`,
    headers: { authorization: "Bearer sk-bench" },
    body: {
      model: "fake-model",
      stream: true,
      stream_options: { include_usage: true },
      max_tokens: 4096,
      messages: [
        { role: "system", content: options.system },
        { role: "user", content: options.text },
      ],
    },
    markers: openAIStreamMarkers,
  });
}
