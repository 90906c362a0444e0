import "server-only";
import { refreshRollupsJob } from "../analytics/refresh-rollups-job";
import { finalizeAnswerJob } from "../chat/engine/finalize-answer-job";
import { ingestKnowledgeFileJob } from "../knowledge/ingest/ingest-job";
import { emailSendJob } from "../mail/email-send-job";
import { closeRevenueMonthsJob, creatorPayoutsJob } from "../payouts/jobs";
import { refreshStoreScoresJob } from "../store/refresh-store-scores-job";
import type { JobDefinition } from "./job-types";
import type { JobName, JobPayloads } from "./queues";

/** The handler and queue settings of every job, by name. */
export const jobDefinitions: { [N in JobName]: JobDefinition<JobPayloads[N]> } = {
  "chat-answer-finalize": finalizeAnswerJob,
  "knowledge-ingest": ingestKnowledgeFileJob,
  "store-scores-refresh": refreshStoreScoresJob,
  "analytics-rollup": refreshRollupsJob,
  "revenue-pool-close": closeRevenueMonthsJob,
  "creator-payouts": creatorPayoutsJob,
  "email-send": emailSendJob,
};
