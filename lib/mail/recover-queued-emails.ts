import "server-only";
import { prisma } from "../db";
import type { RecoveryTools } from "../jobs/job-types";

/** Older queued mail is not worth sending any more: its links have long expired. */
const RECOVERY_WINDOW_MS = 7 * 24 * 60 * 60 * 1000;

/**
 * Start-up recovery, so no mail stays QUEUED without a job: one lost between its commit and
 * dispatchEmail() (a crash, a failed enqueue), or whose job was active in a dead process. On a
 * shared PostgreSQL an active job may belong to another instance: it is left to pg-boss's expiry.
 */
export async function recoverQueuedEmails(tools: RecoveryTools): Promise<{ enqueued: string[] }> {
  const emails = await prisma.outboundEmail.findMany({
    where: { status: "QUEUED", createdAt: { gte: new Date(Date.now() - RECOVERY_WINDOW_MS) } },
    select: { id: true },
    orderBy: { createdAt: "asc" },
    take: 1000,
  });
  const enqueued: string[] = [];
  if (emails.length === 0) return { enqueued };
  const live = await tools.liveJobStates(emails.map((email) => email.id));
  for (const { id } of emails) {
    const job = live.get(id);
    if (job === "queued") continue;
    if (job === "active") {
      if (!tools.isSoleWorker) continue;
      await tools.cancelLiveJobs([id]);
    }
    await tools.enqueue({ emailId: id }, id);
    enqueued.push(id);
  }
  if (enqueued.length > 0)
    console.log(`[atelier] mail: ${enqueued.length} queued email(s) re-sent`);
  return { enqueued };
}
