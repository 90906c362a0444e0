import "server-only";
import { prisma } from "../../db";
import type { RecoveryTools } from "../../jobs/job-types";
import { deleteFileChunks } from "../index/store-chunks";
import { INGEST_INTERRUPTED_MESSAGE, MAX_INGEST_ATTEMPTS } from "./ingest-rules";

export type RecoveryReport = { requeued: string[]; failed: string[]; enqueued: string[] };

/**
 * Start-up recovery, so no file stays PROCESSING (or QUEUED with no job) forever:
 * - PROCESSING with no live job, or whose job was active in a dead process (embedded: this process
 *   is the only worker, so any job marked active at start-up is an orphan): partial chunks are
 *   deleted and the file goes back to QUEUED with a new job, or FAILED once it used up its attempts.
 *   On a shared PostgreSQL an active job may belong to another instance: it is left alone, and if
 *   that instance died pg-boss redelivers the job when it expires.
 * - QUEUED with no live job (lost before it was sent): a job is sent.
 */
export async function recoverInterruptedIngestions(tools: RecoveryTools): Promise<RecoveryReport> {
  const report: RecoveryReport = { requeued: [], failed: [], enqueued: [] };
  const files = await prisma.knowledgeFile.findMany({
    where: { status: { in: ["QUEUED", "PROCESSING"] } },
    select: { id: true, status: true, attempts: true },
    orderBy: { createdAt: "asc" },
  });
  if (files.length === 0) return report;
  const live = await tools.liveJobStates(files.map((file) => file.id));
  for (const file of files) {
    const job = live.get(file.id);
    if (job === "queued") continue; // its job will (re)claim it
    if (job === "active") {
      if (!tools.isSoleWorker) continue;
      await tools.cancelLiveJobs([file.id]);
    }
    if (file.status === "QUEUED") {
      await tools.enqueue({ fileId: file.id }, file.id);
      report.enqueued.push(file.id);
      continue;
    }
    await deleteFileChunks(file.id);
    const isOutOfAttempts = file.attempts >= MAX_INGEST_ATTEMPTS;
    const updated = await prisma.knowledgeFile.updateMany({
      where: { id: file.id, status: "PROCESSING", attempts: file.attempts },
      data: isOutOfAttempts
        ? { status: "FAILED", progress: 0, error: INGEST_INTERRUPTED_MESSAGE }
        : { status: "QUEUED", progress: 0 },
    });
    if (updated.count === 0) continue;
    if (isOutOfAttempts) {
      report.failed.push(file.id);
    } else {
      await tools.enqueue({ fileId: file.id }, file.id);
      report.requeued.push(file.id);
    }
  }
  if (report.requeued.length + report.failed.length + report.enqueued.length > 0) {
    console.log(
      `[atelier] knowledge: ${report.requeued.length} interrupted file(s) re-queued, ${report.failed.length} failed, ${report.enqueued.length} queued file(s) re-sent`,
    );
  }
  return report;
}
