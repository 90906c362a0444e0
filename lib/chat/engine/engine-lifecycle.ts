import "server-only";
import { database } from "../../db";
import { publish, startEventBus, stopEventBus, subscribe } from "../../events/bus";
import { deregisterAppInstance, registerAppInstance } from "../../instances/app-instance";
import { hasLiveJob } from "../../jobs/runner";
import { findLiveAnswer, liveAnswers } from "./live-answers";
import { recoverAnswers, SWEEP_INTERVAL_MS } from "./recover-answers";
import { openTurnCount, stopAdmittingTurns } from "./turn-admission";

/** A clean shutdown lets running answers finish for this long, then stops the rest. */
const DRAIN_MS = 10_000;

const holder = globalThis as unknown as { atelierChatEngine?: { sweep: NodeJS.Timeout | null } };
holder.atelierChatEngine ??= { sweep: null };
const state = holder.atelierChatEngine;

function sweep(isSoleProcess: boolean): Promise<number> {
  return recoverAnswers({
    isSoleProcess,
    hasPendingFinalize: (messageId) => hasLiveJob("chat-answer-finalize", messageId),
  });
}

/**
 * Start-up of the chat engine (lib/startup.ts, after migrations and jobs): register this process
 * and its heartbeat, listen to the other processes, finalise what a crashed process left streaming,
 * and sweep for dead processes' answers every SWEEP_INTERVAL_MS from then on.
 */
export async function startChatEngine(): Promise<void> {
  await registerAppInstance();
  await startEventBus();
  subscribe("answer-stop", ({ messageId }) => findLiveAnswer({ messageId })?.stop("user"));
  const isSoleProcess = database().kind === "embedded";
  const recovered = await sweep(isSoleProcess);
  if (recovered > 0) {
    console.log(
      `  Recovered ${recovered} answer(s) interrupted by the last stop, as "interrupted".`,
    );
  }
  state.sweep ??= setInterval(() => {
    sweep(isSoleProcess).catch((error: Error) =>
      console.error("[atelier] sweep for interrupted answers failed:", error.message),
    );
  }, SWEEP_INTERVAL_MS);
  state.sweep.unref();
}

/**
 * A clean shutdown: refuse new turns, give running answers DRAIN_MS to finish, stop the rest (they
 * are saved as interrupted, with their usage), then leave. `kill -9` skips all this: recovery
 * covers it on the next start or in another process's sweep.
 */
export async function stopChatEngine(): Promise<void> {
  stopAdmittingTurns();
  if (state.sweep) clearInterval(state.sweep);
  state.sweep = null;
  const deadline = Date.now() + DRAIN_MS;
  while (openTurnCount() > 0 && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  for (const answer of liveAnswers()) answer.stop("shutdown");
  const finalDeadline = Date.now() + 5_000;
  while (openTurnCount() > 0 && Date.now() < finalDeadline) {
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  await stopEventBus();
  if (openTurnCount() === 0) await deregisterAppInstance();
}

/** Stops an answer wherever it is being generated (this process, or another through the bus). */
export function requestAnswerStop(messageId: string): void {
  const local = findLiveAnswer({ messageId });
  if (local) local.stop("user");
  else publish("answer-stop", { messageId });
}
