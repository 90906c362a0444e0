import "server-only";
import type { JobDefinition } from "../jobs/job-types";
import type { JobPayloads } from "../jobs/queues";
import { refreshStoreScores } from "./refresh-store-scores";

/** Every 10 minutes: trending decays by the hour, so a stale score is at most minutes behind. */
export const STORE_SCORES_CRON = "*/10 * * * *";

/**
 * Recomputes trending and rating scores for every GPT. `exclusive`: one queued-or-running refresh
 * at a time (the start-up run and a cron tick never overlap). A failed run is simply retried by
 * the next tick, so no retries here.
 */
export const refreshStoreScoresJob: JobDefinition<JobPayloads["store-scores-refresh"]> = {
  name: "store-scores-refresh",
  queue: { policy: "exclusive", retryLimit: 0, expireInSeconds: 10 * 60 },
  schedule: { cron: STORE_SCORES_CRON, runAtStart: true },
  handle: async () => {
    await refreshStoreScores();
  },
};
