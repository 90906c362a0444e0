import "server-only";
import type { JobDefinition } from "../../jobs/job-types";
import type { JobPayloads } from "../../jobs/queues";
import { ingestKnowledgeFile } from "./ingest-knowledge-file";
import { MAX_INGEST_ATTEMPTS } from "./ingest-rules";
import { recoverInterruptedIngestions } from "./recover-ingestions";

/**
 * Queue settings for ingestion. `exclusive` + singleton key = file id: at most one queued-or-active
 * job per file, so a file is never processed twice at once. Unexpected errors retry with backoff
 * (parse errors never reach pg-boss: the handler records them and completes).
 */
export const ingestKnowledgeFileJob: JobDefinition<JobPayloads["knowledge-ingest"]> = {
  name: "knowledge-ingest",
  queue: {
    policy: "exclusive",
    retryLimit: MAX_INGEST_ATTEMPTS - 1,
    retryDelay: 10,
    retryBackoff: true,
    retryDelayMax: 300,
    // Longer than the parse timeout plus storing: an expired job is redelivered to a new run.
    expireInSeconds: 30 * 60,
  },
  singletonKeyOf: (data) => data.fileId,
  handle: async (data, context) => {
    await ingestKnowledgeFile(data.fileId, context);
  },
  recover: async (tools) => {
    await recoverInterruptedIngestions(tools);
  },
};
