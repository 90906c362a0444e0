import "server-only";
import { enqueue } from "../../jobs/runner";
import { type AnswerOutcome, finalizeAnswer } from "./finalize-answer";

/** In-process attempts before the durable job takes over: about 4 s in all. */
const RETRY_DELAYS_MS = [50, 200, 750, 3_000];
/** After the job could not be queued either (the database is down): keep trying while we live. */
const BACKGROUND_RETRY_MS = 10_000;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Finalises an answer and does not give up: retries with backoff, then hands the outcome to the
 * `chat-answer-finalize` job (pg-boss, retried with backoff, survives a restart), and if even that
 * cannot be queued, keeps retrying in this process. The answer's STREAMING row already exists
 * (write-ahead), so should this process die meanwhile, recovery finalises it from its last
 * checkpoint: a failure here is never only logged.
 */
export async function finalizeAnswerDurably(outcome: AnswerOutcome): Promise<void> {
  let lastError: unknown;
  for (const delay of [0, ...RETRY_DELAYS_MS]) {
    if (delay) await sleep(delay);
    try {
      await finalizeAnswer(outcome);
      return;
    } catch (error) {
      lastError = error;
    }
  }
  console.error(
    `[atelier] answer ${outcome.messageId}: the final write failed ${RETRY_DELAYS_MS.length + 1} times; handing it to the finalize job`,
    lastError,
  );
  try {
    await enqueue("chat-answer-finalize", outcome);
    return;
  } catch (error) {
    console.error(
      `[atelier] answer ${outcome.messageId}: the finalize job could not be queued; retrying every ${BACKGROUND_RETRY_MS / 1000} s`,
      error,
    );
  }
  void retryInBackground(outcome);
}

async function retryInBackground(outcome: AnswerOutcome): Promise<void> {
  for (;;) {
    await sleep(BACKGROUND_RETRY_MS);
    try {
      await finalizeAnswer(outcome);
      console.error(
        `[atelier] answer ${outcome.messageId}: finalised after the database came back`,
      );
      return;
    } catch {
      // Still down: the next round tries again.
    }
  }
}
