// Runs inside a worker thread (see parse-in-worker.ts). Deliberately no `import "server-only"` in
// this module graph: that package throws outside the react-server condition, which a plain
// worker thread does not have.
import { parentPort, workerData } from "node:worker_threads";
import { isKnowledgeParseError } from "./errors";
import { parseAndChunk } from "./parse-and-chunk";
import type { WorkerJob, WorkerMessage } from "./worker-protocol";

const job = workerData as WorkerJob;
const post = (message: WorkerMessage) => parentPort?.postMessage(message);

let lastReported = -1;
const reportProgress = (fraction: number) => {
  // Throttle to whole percents: progress ends up in a database row.
  const percent = Math.floor(fraction * 100);
  if (percent === lastReported) return;
  lastReported = percent;
  post({ type: "progress", fraction: percent / 100 });
};

try {
  const result = await parseAndChunk(job.bytes, job.kind, job.maxTokens, reportProgress);
  post({ type: "done", result });
} catch (error) {
  if (isKnowledgeParseError(error)) {
    post({ type: "failed", message: error.message, isUserFacing: true });
  } else {
    post({
      type: "failed",
      message: error instanceof Error ? (error.stack ?? error.message) : String(error),
      isUserFacing: false,
    });
  }
}
