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
  /**
   * How long a turn's start has taken lately (ms, moving average), or null before the first.
   * With `chatMaxStartingTurns` slots the line moves at slots / this: the process's capacity,
   * whatever the demand was. (Counting the starts finished in the last seconds measured the
   * demand instead: a burst after a quiet spell looked like a line that barely moves, and a
   * third of a 1,000-chat burst was refused that the process then served within 5 s.)
   */
  startMsAverage: number | null;
  isDraining: boolean;
};

/** Weight of the newest start in the moving average: about the last 10 starts count. */
const START_MS_WEIGHT = 0.1;

const holder = globalThis as unknown as { atelierTurnAdmission?: AdmissionState };
holder.atelierTurnAdmission ??= {
  open: 0,
  starting: 0,
  waiting: [],
  startMsAverage: null,
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
  let startedAt = 0;
  let isFinished = false;
  const releaseStart = () => {
    if (!hasStartSlot) return;
    hasStartSlot = false;
    const took = Date.now() - startedAt;
    const average = state.startMsAverage ?? took;
    state.startMsAverage = average + START_MS_WEIGHT * (took - average);
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
        // Waiting longer than START_WAIT_MS would only pile up: refuse now with an honest estimate.
        const expectedWaitMs = expectedWaitMsAt(state.waiting.length + 1);
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
      startedAt = Date.now();
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

/** The expected wait of the n-th in line; 0 (wait and see) before any start was measured. */
function expectedWaitMsAt(position: number): number {
  return (position * (state.startMsAverage ?? 0)) / chatMaxStartingTurns;
}

/** Answers generating in this process now (metrics, shutdown). */
export function openTurnCount(): number {
  return state.open;
}

/** Shutdown: refuse new turns from now on. */
export function stopAdmittingTurns(): void {
  state.isDraining = true;
}
