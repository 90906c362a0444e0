import "server-only";
import type { JobDefinition } from "../jobs/job-types";
import type { JobPayloads } from "../jobs/queues";
import { refreshRollups } from "./refresh-rollups";

/** Every 10 minutes: the dashboard reads what came since live, so this bounds that live part. */
export const ANALYTICS_ROLLUP_CRON = "*/10 * * * *";

/**
 * Keeps the creator analytics' daily rollups (lib/analytics/refresh-rollups.ts). `exclusive`: one
 * queued-or-running run at a time. A failed run is redone by the next tick (it starts from the
 * watermark, which only a committed run moves), so no retries.
 */
export const refreshRollupsJob: JobDefinition<JobPayloads["analytics-rollup"]> = {
  name: "analytics-rollup",
  queue: { policy: "exclusive", retryLimit: 0, expireInSeconds: 15 * 60 },
  schedule: { cron: ANALYTICS_ROLLUP_CRON, runAtStart: true },
  handle: async () => {
    await refreshRollups();
  },
};
