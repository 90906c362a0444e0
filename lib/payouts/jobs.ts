import "server-only";
import type { JobDefinition } from "../jobs/job-types";
import type { JobPayloads } from "../jobs/queues";
import { closeEndedMonths } from "./close-month";
import { runPayouts } from "./pay-out";

/**
 * Daily: closes every month whose close delay has passed (on the 3rd of the next month). Closing is
 * idempotent, so the start-up run, a tick and an admin's close may meet harmlessly.
 */
export const closeRevenueMonthsJob: JobDefinition<JobPayloads["revenue-pool-close"]> = {
  name: "revenue-pool-close",
  queue: { policy: "exclusive", retryLimit: 3, retryDelay: 300, expireInSeconds: 30 * 60 },
  schedule: { cron: "20 2 * * *", runAtStart: true },
  handle: async () => {
    await closeEndedMonths();
  },
};

/** Daily, after the close: settles payouts in flight, then pays available balances. */
export const creatorPayoutsJob: JobDefinition<JobPayloads["creator-payouts"]> = {
  name: "creator-payouts",
  queue: { policy: "exclusive", retryLimit: 3, retryDelay: 600, expireInSeconds: 30 * 60 },
  schedule: { cron: "0 6 * * *" },
  handle: async () => {
    await runPayouts();
  },
};
