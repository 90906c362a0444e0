import "server-only";
import type { UIMessageChunk } from "ai";

type Listener = (chunk: UIMessageChunk | null) => void;

/**
 * An answer being generated in this process, as the browser sees it: the UI message stream's
 * chunks. Readers subscribe (the request that started the answer, or a reload that resumes it) and
 * get a replay of everything so far, then the live chunks; `null` means the stream ended.
 *
 * The generation does not depend on any reader: a closed tab or a reload does not stop it (only an
 * explicit stop does), the way ChatGPT keeps answering while you reload.
 *
 * The replay is compact: consecutive deltas of one text (or reasoning) part are merged into one, so
 * memory grows with the answer's text, not with its number of chunks.
 */
export class LiveAnswer {
  readonly messageId: string;
  readonly conversationId: string;
  readonly userId: string;
  private readonly replay: UIMessageChunk[] = [];
  private readonly listeners = new Set<Listener>();
  private readonly controller = new AbortController();
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
    for (const listener of this.listeners) listener(chunk);
  }

  end(): void {
    if (this.isEnded) return;
    this.isEnded = true;
    for (const listener of this.listeners) listener(null);
    this.listeners.clear();
    this.resolveEnded();
  }

  /** A reader's stream: everything so far, then live chunks until the answer ends. */
  readable(): ReadableStream<UIMessageChunk> {
    let listener: Listener | null = null;
    return new ReadableStream<UIMessageChunk>({
      start: (controller) => {
        for (const chunk of this.replay) controller.enqueue(chunk);
        if (this.isEnded) {
          controller.close();
          return;
        }
        listener = (chunk) => {
          if (chunk) controller.enqueue(chunk);
          else controller.close();
        };
        this.listeners.add(listener);
      },
      // The reader went away (closed tab, reload): the answer goes on without it.
      cancel: () => {
        if (listener) this.listeners.delete(listener);
      },
    });
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
