import type { Agent } from "undici";
import { type StreamResult, streamRequest } from "../bench-chat/http-client";
import type { SseMarkers } from "../bench-chat/sse-scan";
import { openAIStreamMarkers } from "../bench-chat/sse-scan";

/**
 * Atelier's completion stream: OpenAI's chunks (the first holds `"content":""`, which is not a
 * token), then [DONE], also after a failed answer, whose `data: {"error":…}` frame is the error.
 */
export const apiStreamMarkers: SseMarkers = { ...openAIStreamMarkers, error: 'data: {"error":' };

/** A stateless streamed completion of the GPT `model` (its slug), usage included, as `key`. */
export function apiCompletion(options: {
  appUrl: string;
  key: string;
  model: string;
  text: string;
  agent?: Agent;
}): Promise<StreamResult> {
  return streamRequest({
    agent: options.agent,
    url: `${options.appUrl}/api/v1/chat/completions`,
    headers: { authorization: `Bearer ${options.key}` },
    body: {
      model: options.model,
      stream: true,
      stream_options: { include_usage: true },
      messages: [{ role: "user", content: options.text }],
    },
    markers: apiStreamMarkers,
  });
}

/** Hands out API keys in order, each once: every completion comes from its own key and user. */
export class KeyPool {
  private next = 0;

  constructor(private readonly keys: string[]) {}

  take(count: number): string[] {
    if (this.next + count > this.keys.length) {
      throw new Error(
        `the bench seeded ${this.keys.length} API keys and needs more (${this.next + count})`,
      );
    }
    const taken = this.keys.slice(this.next, this.next + count);
    this.next += count;
    return taken;
  }
}
