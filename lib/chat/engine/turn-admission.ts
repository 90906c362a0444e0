import "server-only";
import { chatMaxStartingTurns, env } from "../../env";
import { AppError } from "../../errors";

/**
 * Admission control for chat turns in this process. Two bounds:
 * - open turns (CHAT_MAX_OPEN_TURNS): answers being generated. Beyond it a new turn is refused at
 *   once, before any database work.
 * - starting turns (CHAT_MAX_STARTING_TURNS): turns in their database-heavy start (limits,
 *   write-ahead, history, retrieval). The rest wait in line, first come first served, for at most
 *   START_WAIT_MS; a turn that would wait longer is refused.
 *
 * Without these, a burst of new chats queued hundreds of transactions on a small connection pool,
 * and Prisma gave up on them ("Unable to start a transaction in the given time"): 500s, and answers
 * streamed but never saved. A refusal here is a 503 with Retry-After and a plain message, written
 * before anything is saved, so it leaves nothing behind.
 */
export const BUSY_MESSAGE =
  "Atelier is very busy right now and could not take your message. It will be sent again in a moment.";
const START_WAIT_MS = 20_000;

type Waiter = { resolve: () => void; reject: (error: Error) => void; timer: NodeJS.Timeout };

type AdmissionState = {
  open: number;
  starting: number;
  waiting: Waiter[];
  /** When the last starts finished (ms), oldest first: the rate the line moves at. */
  recentStarts: number[];
  isDraining: boolean;
};

const RATE_WINDOW = 200;
const RATE_WINDOW_MS = 5_000;

const holder = globalThis as unknown as { atelierTurnAdmission?: AdmissionState };
holder.atelierTurnAdmission ??= {
  open: 0,
  starting: 0,
  waiting: [],
  recentStarts: [],
  isDraining: false,
};
const state = holder.atelierTurnAdmission;

function busy(retryAfterSeconds: number): AppError {
  return new AppError("busy", BUSY_MESSAGE, undefined, {
    retryAfterSeconds: Math.min(30, Math.max(1, retryAfterSeconds)),
  });
}

export type TurnTicket = {
  /** Waits for a starting slot (or throws busy). */
  whenStartable: () => Promise<void>;
  /** The turn's start is over (streaming, or failed): frees the starting slot. */
  started: () => void;
  /** The answer ended: frees the open slot. Idempotent. */
  finished: () => void;
};

/** Admits a turn or throws a busy AppError (503, Retry-After). */
export function admitTurn(): TurnTicket {
  if (state.isDraining) throw busy(5);
  if (state.open >= env.CHAT_MAX_OPEN_TURNS) throw busy(5);
  state.open += 1;
  let hasStartSlot = false;
  let isFinished = false;
  const releaseStart = () => {
    if (!hasStartSlot) return;
    hasStartSlot = false;
    state.recentStarts.push(Date.now());
    if (state.recentStarts.length > RATE_WINDOW) state.recentStarts.shift();
    const next = state.waiting.shift();
    if (next) {
      clearTimeout(next.timer);
      next.resolve();
    } else {
      state.starting -= 1;
    }
  };
  return {
    whenStartable: async () => {
      if (state.starting < chatMaxStartingTurns) {
        state.starting += 1;
      } else {
        // Waiting longer than START_WAIT_MS would only pile up: refuse now with an honest estimate
        // (the line moves at the rate starts finished lately).
        const expectedWaitMs = (state.waiting.length + 1) / startsPerMs();
        if (expectedWaitMs > START_WAIT_MS) throw busy(expectedWaitMs / 1000);
        await new Promise<void>((resolve, reject) => {
          const waiter: Waiter = {
            resolve,
            reject,
            timer: setTimeout(() => {
              state.waiting.splice(state.waiting.indexOf(waiter), 1);
              reject(busy(2));
            }, START_WAIT_MS),
          };
          state.waiting.push(waiter);
        });
        // A released slot was handed over to this waiter (the count did not go down).
      }
      hasStartSlot = true;
    },
    started: releaseStart,
    finished: () => {
      releaseStart();
      if (isFinished) return;
      isFinished = true;
      state.open -= 1;
    },
  };
}

/**
 * Starts finished per millisecond over the last few seconds; optimistic (one per ms) when too few
 * finished lately to tell (a quiet process, the head of a burst).
 */
function startsPerMs(): number {
  const since = Date.now() - RATE_WINDOW_MS;
  const recent = state.recentStarts.filter((at) => at > since);
  if (recent.length < 10) return 1;
  return recent.length / Math.max(1, Date.now() - recent[0]);
}

/** Answers generating in this process now (metrics, shutdown). */
export function openTurnCount(): number {
  return state.open;
}

/** Shutdown: refuse new turns from now on. */
export function stopAdmittingTurns(): void {
  state.isDraining = true;
}
