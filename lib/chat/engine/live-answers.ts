import "server-only";
import { UI_MESSAGE_STREAM_HEADERS, type UIMessageChunk } from "ai";

type Listener = (frames: Uint8Array | null) => void;

const encoder = new TextEncoder();
const DONE_FRAME = "data: [DONE]\n\n";

/** A UI message chunk as the AI SDK's UI message stream protocol sends it (Server-Sent Events). */
function sseFrame(chunk: UIMessageChunk): string {
  return `data: ${JSON.stringify(chunk)}\n\n`;
}

/**
 * An answer being generated in this process, as the browser sees it: the UI message stream's
 * chunks. Readers subscribe (the request that started the answer, or a reload that resumes it) and
 * get a replay of everything so far, then the live chunks until the stream ends.
 *
 * The generation does not depend on any reader: a closed tab or a reload does not stop it (only an
 * explicit stop does), the way ChatGPT keeps answering while you reload.
 *
 * Speed: chunks are encoded once, straight to SSE bytes (no JSON-to-SSE and text-encoder stream
 * stages per reader), and the frames of one tick go out as one write: each socket write costs a
 * system call, and at hundreds of answers a second those calls were a large part of the CPU. The
 * replay is compact: consecutive deltas of one text (or reasoning) part are merged into one, so
 * memory grows with the answer's text, not with its number of chunks.
 */
export class LiveAnswer {
  readonly messageId: string;
  readonly conversationId: string;
  readonly userId: string;
  private readonly replay: UIMessageChunk[] = [];
  private readonly listeners = new Set<Listener>();
  private readonly chunkListeners = new Set<(chunk: UIMessageChunk | null) => void>();
  private readonly controller = new AbortController();
  private pending = "";
  private isFlushScheduled = false;
  private isEnded = false;
  private resolveEnded: () => void = () => {};
  /** Resolves when the answer has ended (after its final write). */
  readonly ended = new Promise<void>((resolve) => {
    this.resolveEnded = resolve;
  });

  constructor(options: { messageId: string; conversationId: string; userId: string }) {
    this.messageId = options.messageId;
    this.conversationId = options.conversationId;
    this.userId = options.userId;
  }

  /** Aborted by an explicit stop (from any process, see stop-answer.ts) or a shutdown. */
  get signal(): AbortSignal {
    return this.controller.signal;
  }

  stop(reason: "user" | "shutdown" = "user"): void {
    if (!this.controller.signal.aborted) this.controller.abort(reason);
  }

  push(chunk: UIMessageChunk): void {
    if (this.isEnded) return;
    this.remember(chunk);
    for (const listener of this.chunkListeners) listener(chunk);
    if (this.listeners.size === 0) return;
    this.pending += sseFrame(chunk);
    if (this.isFlushScheduled) return;
    this.isFlushScheduled = true;
    // After the current tick: chunks produced together (a delta and its citations, the end of a
    // step) share one write.
    setImmediate(() => this.flush());
  }

  end(): void {
    if (this.isEnded) return;
    this.isEnded = true;
    this.pending += DONE_FRAME;
    this.flush();
    for (const listener of this.listeners) listener(null);
    this.listeners.clear();
    for (const listener of this.chunkListeners) listener(null);
    this.resolveEnded();
  }

  /** A reader's response: everything so far, then live chunks until the answer ends. */
  response(headers: Record<string, string> = {}): Response {
    let listener: Listener | null = null;
    const stream = new ReadableStream<Uint8Array>({
      start: (controller) => {
        // Frames not yet written belong to the replay already: send them to the others first.
        this.flush();
        const replayed = this.replay.map(sseFrame).join("") + (this.isEnded ? DONE_FRAME : "");
        if (replayed) controller.enqueue(encoder.encode(replayed));
        if (this.isEnded) {
          controller.close();
          return;
        }
        listener = (frames) => {
          if (frames) controller.enqueue(frames);
          else controller.close();
        };
        this.listeners.add(listener);
      },
      // The reader went away (closed tab, reload): the answer goes on without it.
      cancel: () => {
        if (listener) this.listeners.delete(listener);
      },
    });
    return new Response(stream, { headers: { ...UI_MESSAGE_STREAM_HEADERS, ...headers } });
  }

  /**
   * The answer's chunks as objects, for readers that re-encode them (the OpenAI-compatible API):
   * everything so far (merged deltas), then live chunks, until the answer ends.
   */
  async *chunks(): AsyncGenerator<UIMessageChunk> {
    const queue: UIMessageChunk[] = [...this.replay];
    let wake: (() => void) | null = null;
    const onChunk = (chunk: UIMessageChunk | null) => {
      if (chunk) queue.push(chunk);
      wake?.();
    };
    this.chunkListeners.add(onChunk);
    try {
      for (;;) {
        while (queue.length > 0) yield queue.shift() as UIMessageChunk;
        if (this.isEnded) return;
        await new Promise<void>((resolve) => {
          wake = resolve;
        });
        wake = null;
      }
    } finally {
      this.chunkListeners.delete(onChunk);
    }
  }

  private flush(): void {
    this.isFlushScheduled = false;
    if (!this.pending) return;
    const frames = encoder.encode(this.pending);
    this.pending = "";
    for (const listener of this.listeners) listener(frames);
  }

  private remember(chunk: UIMessageChunk): void {
    if (chunk.type === "text-delta" || chunk.type === "reasoning-delta") {
      const last = this.replay.at(-1);
      if (last?.type === chunk.type && last.id === chunk.id) {
        this.replay[this.replay.length - 1] = { ...last, delta: last.delta + chunk.delta };
        return;
      }
    }
    this.replay.push(chunk);
  }
}

type Registry = { byMessage: Map<string, LiveAnswer>; byConversation: Map<string, LiveAnswer> };
const holder = globalThis as unknown as { atelierLiveAnswers?: Registry };
holder.atelierLiveAnswers ??= { byMessage: new Map(), byConversation: new Map() };
const registry = holder.atelierLiveAnswers;

export function registerLiveAnswer(answer: LiveAnswer): void {
  registry.byMessage.set(answer.messageId, answer);
  registry.byConversation.set(answer.conversationId, answer);
}

export function unregisterLiveAnswer(answer: LiveAnswer): void {
  if (registry.byMessage.get(answer.messageId) === answer)
    registry.byMessage.delete(answer.messageId);
  if (registry.byConversation.get(answer.conversationId) === answer) {
    registry.byConversation.delete(answer.conversationId);
  }
}

export function findLiveAnswer(key: { messageId: string } | { conversationId: string }) {
  return "messageId" in key
    ? registry.byMessage.get(key.messageId)
    : registry.byConversation.get(key.conversationId);
}

/** Every answer streaming in this process (shutdown stops them; the admission gate counts them). */
export function liveAnswers(): LiveAnswer[] {
  return [...registry.byMessage.values()];
}
