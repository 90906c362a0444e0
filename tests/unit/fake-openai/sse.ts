// Test-side reader for the fake server's SSE stream, deliberately independent of the AI SDK.

export type ToolCallDelta = {
  index: number;
  id?: string;
  type?: string;
  function: { name?: string; arguments?: string };
};

export type ChatChunk = {
  id: string;
  object: string;
  model: string;
  choices: {
    index: number;
    delta: { role?: string; content?: string | null; tool_calls?: ToolCallDelta[] };
    finish_reason: string | null;
  }[];
  usage?: { prompt_tokens: number; completion_tokens: number; total_tokens: number } | null;
};

export type SseResult = {
  chunks: ChatChunk[];
  isDone: boolean;
  /** Set when the connection broke before the stream ended. */
  error?: unknown;
};

export type SseOptions = {
  /** Stop reading (and cancel the body) once this many chunks have arrived. */
  stopAfter?: number;
  onChunk?: (chunk: ChatChunk) => void;
};

export async function readSse(response: Response, options: SseOptions = {}): Promise<SseResult> {
  const result: SseResult = { chunks: [], isDone: false };
  if (!response.body) return result;
  const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = "";
  try {
    while (true) {
      const { value, done } = await reader.read();
      if (done) return result;
      buffer += value;
      let boundary = buffer.indexOf("\n\n");
      while (boundary !== -1) {
        const event = buffer.slice(0, boundary);
        buffer = buffer.slice(boundary + 2);
        boundary = buffer.indexOf("\n\n");
        if (!event.startsWith("data: ")) continue;
        const data = event.slice("data: ".length);
        if (data === "[DONE]") {
          result.isDone = true;
          continue;
        }
        const chunk = JSON.parse(data) as ChatChunk;
        result.chunks.push(chunk);
        options.onChunk?.(chunk);
        if (options.stopAfter !== undefined && result.chunks.length >= options.stopAfter) {
          await reader.cancel();
          return result;
        }
      }
    }
  } catch (error) {
    result.error = error;
    return result;
  }
}

export function contentOf(chunks: ChatChunk[]): string {
  return chunks.map((chunk) => chunk.choices[0]?.delta.content ?? "").join("");
}

export function contentChunks(chunks: ChatChunk[]): ChatChunk[] {
  return chunks.filter((chunk) => (chunk.choices[0]?.delta.content ?? "") !== "");
}
