/**
 * Watches an SSE body for a few markers without parsing every event: with 1000 streams of 20
 * deltas the bench must stay light, or it would measure its own CPU. A short tail of the previous
 * chunk is kept so a marker split across two network chunks is still found.
 */
export type SseMarkers = {
  /** True when the text holds the first answer token. */
  isFirstToken: (text: string) => boolean;
  /** The event that means the answer ended normally. */
  finish: string;
  /** The start of an error event, if the stream has one (its line is kept as the error). */
  error?: string;
};

const TAIL_CHARS = 96;

/** AI SDK UI message stream (POST /api/chat): `data: {"type":"text-delta",...}` lines. */
export const uiStreamMarkers: SseMarkers = {
  isFirstToken: (text) => text.includes('"type":"text-delta"'),
  // JSON.stringify writes no spaces, and a delta's own text is escaped (\"), so no false match;
  // "finish-step" does not match either (the closing quote differs).
  finish: '"type":"finish"',
  error: '"type":"error"',
};

const contentPattern = /"content":"[^"]/;

/** OpenAI chat.completion.chunk stream: the first non-empty `content` delta, then [DONE]. */
export const openAIStreamMarkers: SseMarkers = {
  isFirstToken: (text) => contentPattern.test(text),
  finish: "data: [DONE]",
};

export class SseScanner {
  hasFirstToken = false;
  hasFinish = false;
  errorText: string | null = null;
  private tail = "";

  constructor(private readonly markers: SseMarkers) {}

  /** Returns true when this chunk brought the first token. */
  push(chunk: string): boolean {
    const text = this.tail + chunk;
    let isFirstNow = false;
    if (!this.hasFirstToken && this.markers.isFirstToken(text)) {
      this.hasFirstToken = true;
      isFirstNow = true;
    }
    if (!this.hasFinish && text.includes(this.markers.finish)) this.hasFinish = true;
    if (this.errorText === null && this.markers.error) {
      const at = text.indexOf(this.markers.error);
      if (at !== -1) {
        const end = text.indexOf("\n", at);
        this.errorText = text.slice(at, end === -1 ? at + 300 : Math.min(end, at + 300));
      }
    }
    this.tail = text.slice(-TAIL_CHARS);
    return isFirstNow;
  }
}
