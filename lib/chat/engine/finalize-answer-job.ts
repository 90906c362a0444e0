import "server-only";
import type { JobDefinition } from "../../jobs/job-types";
import type { JobPayloads } from "../../jobs/queues";
import { finalizeAnswer } from "./finalize-answer";

/**
 * The durable end of an answer whose final write failed in the request (finalize-durably.ts).
 * finalizeAnswer is idempotent by message id, so a redelivered or duplicate job changes nothing.
 * Singleton per message; retried with backoff for about a day.
 */
export const finalizeAnswerJob: JobDefinition<JobPayloads["chat-answer-finalize"]> = {
  name: "chat-answer-finalize",
  queue: {
    policy: "exclusive",
    retryLimit: 200,
    retryDelay: 5,
    retryBackoff: true,
    retryDelayMax: 600,
    expireInSeconds: 5 * 60,
  },
  singletonKeyOf: (data) => data.messageId,
  handle: async (data) => {
    await finalizeAnswer(data);
  },
};
