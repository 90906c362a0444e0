import { EgressError } from "./egress-errors";

/**
 * Plumbing of one guarded request: a deadline and abort signal shared by every hop and the body,
 * the per-hop agents to close, and the response body stream with its byte cap.
 */

const nullBodyStatuses = new Set([101, 103, 204, 205, 304]);
const noop = () => {};

/** Something that can be closed when the request ends (an undici Agent). */
type Closable = { destroy(): Promise<void> };

/** What the body cap needs of the upstream response (undici's, without importing it here). */
type UpstreamResponse = {
  status: number;
  statusText: string;
  headers: Iterable<[string, string]>;
  body: ReadableStream<Uint8Array> | null;
};

export type Scope = ReturnType<typeof openScope>;

/** One deadline, one abort signal and the open agents for the whole request, body included. */
export function openScope(timeoutMs: number, signals: (AbortSignal | null | undefined)[]) {
  const controller = new AbortController();
  const agents: Closable[] = [];
  let isTimedOut = false;
  let isFinished = false;
  const callerSignals = signals.filter((signal): signal is AbortSignal => Boolean(signal));
  const onCallerAbort = (event: Event) => {
    controller.abort((event.target as AbortSignal).reason);
  };
  for (const signal of callerSignals) {
    if (signal.aborted) controller.abort(signal.reason);
    else signal.addEventListener("abort", onCallerAbort, { once: true });
  }
  const timer = setTimeout(() => {
    isTimedOut = true;
    controller.abort(new EgressError("timeout"));
    finish();
  }, timeoutMs);
  timer.unref?.();

  function finish() {
    if (isFinished) return;
    isFinished = true;
    clearTimeout(timer);
    for (const signal of callerSignals) signal.removeEventListener("abort", onCallerAbort);
    for (const agent of agents) agent.destroy().catch(noop);
  }

  return {
    signal: controller.signal,
    finish,
    track<T extends Closable>(agent: T): T {
      // Earlier hops are done once the next one starts.
      for (const previous of agents.splice(0)) previous.destroy().catch(noop);
      agents.push(agent);
      return agent;
    },
    race<T>(promise: Promise<T>): Promise<T> {
      const { signal } = controller;
      if (signal.aborted) return Promise.reject(signal.reason);
      return new Promise<T>((resolve, reject) => {
        const onAbort = () => reject(signal.reason);
        signal.addEventListener("abort", onAbort, { once: true });
        promise.then(resolve, reject).finally(() => signal.removeEventListener("abort", onAbort));
      });
    },
    /** Our errors pass through; our timer means timeout; a caller's abort keeps its reason. */
    translate(error: unknown): unknown {
      if (isTimedOut) return new EgressError("timeout");
      if (error instanceof EgressError) return error;
      if (controller.signal.aborted) return controller.signal.reason;
      return new EgressError("connection_failed", { cause: error });
    },
  };
}

export function toCappedResponse(
  response: UpstreamResponse,
  url: URL,
  isRedirected: boolean,
  maxBytes: number,
  scope: Scope,
): Response {
  const headers = new Headers();
  for (const [name, value] of response.headers) headers.append(name, value);
  const source = response.body;
  let stream: ReadableStream<Uint8Array> | null = null;
  if (!source || nullBodyStatuses.has(response.status)) {
    void source?.cancel().catch(noop);
    scope.finish();
  } else {
    const reader = source.getReader();
    let bytes = 0;
    stream = new ReadableStream<Uint8Array>({
      async pull(controller) {
        try {
          const { done, value } = await reader.read();
          if (done) {
            controller.close();
            scope.finish();
            return;
          }
          bytes += value.byteLength;
          if (bytes > maxBytes) {
            const error = new EgressError("response_too_large");
            controller.error(error);
            await reader.cancel(error).catch(noop);
            scope.finish();
            return;
          }
          controller.enqueue(value);
        } catch (error) {
          const translated = scope.translate(error);
          scope.finish();
          controller.error(translated);
        }
      },
      async cancel(reason) {
        await reader.cancel(reason).catch(noop);
        scope.finish();
      },
    });
  }
  const result = new Response(stream, {
    status: response.status,
    statusText: response.statusText,
    headers,
  });
  // A constructed Response has an empty url; callers resolving relative links need the final one.
  Object.defineProperty(result, "url", { value: url.href });
  Object.defineProperty(result, "redirected", { value: isRedirected });
  return result;
}
