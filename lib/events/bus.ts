import "server-only";
import { EventEmitter } from "node:events";
import pg from "pg";
import { database } from "../db";
import { currentInstanceId } from "../instances/app-instance";

/**
 * Events between app processes that share one PostgreSQL database, on PostgreSQL's LISTEN/NOTIFY
 * (no broker to run). A publish reaches this process's subscribers at once and every other
 * process's through NOTIFY. Embedded PGlite has one process by construction, so there it is an
 * in-process emitter only.
 *
 * Delivery across processes is best effort, as NOTIFY is: nothing is replayed to a process whose
 * listening connection was down. Subscribers therefore treat an event as "look again" (re-read the
 * row, clear the cache), and the `reconnected` topic tells them to resynchronise.
 */
export type BusEvents = {
  /**
   * A GPT's listing or availability changed somewhere (publish, unpublish, visibility, delete,
   * moderation, a ban): drop cached listings and cached answering sources.
   */
  "store-listings": Record<string, never>;
  /** The model catalog changed: drop cached model configurations. */
  models: Record<string, never>;
  /** The admin saved the instance settings: drop settings cached in process (chat limits). */
  "instance-settings": Record<string, never>;
  /** A consent or connect prompt was answered: wake the call waiting on it. */
  "action-prompt": { promptId: string };
  /** Stop a streaming answer, wherever it runs. */
  "answer-stop": { messageId: string };
  /** The bus (re)connected: anything that may have been missed while it was down should be re-read. */
  reconnected: Record<string, never>;
};
export type BusTopic = keyof BusEvents;

const CHANNEL = "atelier_events";
/** NOTIFY payloads are limited to 8000 bytes; events carry ids, never content. */
const MAX_PAYLOAD_BYTES = 7_900;
const RECONNECT_DELAY_MS = 2_000;

type BusState = {
  emitter: EventEmitter;
  listener: pg.Client | null;
  starting: Promise<void> | null;
  isStopped: boolean;
};

const holder = globalThis as unknown as { atelierBus?: BusState };
holder.atelierBus ??= {
  emitter: new EventEmitter().setMaxListeners(0),
  listener: null,
  starting: null,
  isStopped: false,
};
const state = holder.atelierBus;

/** Subscribes to a topic in this process; returns the unsubscribe function. */
export function subscribe<T extends BusTopic>(
  topic: T,
  handler: (event: BusEvents[T]) => void,
): () => void {
  state.emitter.on(topic, handler);
  return () => state.emitter.off(topic, handler);
}

function deliver(topic: string, event: unknown): void {
  try {
    state.emitter.emit(topic, event);
  } catch (error) {
    console.error(`[atelier] event handler for ${topic} failed:`, error);
  }
}

/** Publishes to every process: this one at once, the others through NOTIFY (PostgreSQL only). */
export function publish<T extends BusTopic>(topic: T, event: BusEvents[T]): void {
  deliver(topic, event);
  const pool = database().pool;
  if (!pool) return;
  const payload = JSON.stringify({ o: currentInstanceId(), t: topic, e: event });
  if (Buffer.byteLength(payload) > MAX_PAYLOAD_BYTES) {
    console.error(`[atelier] event ${topic} is too large for NOTIFY; not sent to other processes`);
    return;
  }
  pool
    .query("SELECT pg_notify($1, $2)", [CHANNEL, payload])
    .catch((error: Error) =>
      console.error(`[atelier] could not notify other processes of ${topic}:`, error.message),
    );
}

function onNotification(message: pg.Notification): void {
  if (message.channel !== CHANNEL || !message.payload) return;
  try {
    const { o: origin, t: topic, e: event } = JSON.parse(message.payload);
    // This process delivered its own events when it published them.
    if (origin === currentInstanceId()) return;
    deliver(topic, event);
  } catch (error) {
    console.error("[atelier] unreadable event notification:", (error as Error).message);
  }
}

async function connectListener(): Promise<void> {
  const pool = database().pool;
  if (!pool || state.isStopped) return;
  // A dedicated connection: LISTEN belongs to a session, and pooled connections change hands.
  const client = new pg.Client(pool.options);
  client.on("notification", onNotification);
  client.on("error", (error) => {
    console.error("[atelier] event listener connection lost:", error.message);
  });
  client.on("end", () => {
    if (state.listener !== client || state.isStopped) return;
    state.listener = null;
    setTimeout(() => {
      connectListener().catch((error: Error) =>
        console.error("[atelier] event listener reconnect failed:", error.message),
      );
    }, RECONNECT_DELAY_MS).unref();
  });
  try {
    await client.connect();
    await client.query(`LISTEN ${CHANNEL}`);
  } catch (error) {
    await client.end().catch(() => {});
    if (!state.isStopped) {
      setTimeout(() => {
        connectListener().catch(() => {});
      }, RECONNECT_DELAY_MS).unref();
    }
    throw error;
  }
  state.listener = client;
  deliver("reconnected", {});
}

/** Starts listening for other processes' events (start-up; a no-op on embedded PGlite). */
export function startEventBus(): Promise<void> {
  state.isStopped = false;
  state.starting ??= connectListener().catch((error) => {
    state.starting = null;
    throw error;
  });
  return state.starting;
}

export async function stopEventBus(): Promise<void> {
  state.isStopped = true;
  state.starting = null;
  const client = state.listener;
  state.listener = null;
  await client?.end().catch(() => {});
}
