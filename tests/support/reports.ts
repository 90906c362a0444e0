import type { Actor } from "@/lib/auth/session";
import { prisma } from "@/lib/db";
import { reportGpt } from "@/lib/moderation/report-gpt";
import { createActor, createPublishedGpt } from "./factories";

/** A reason long enough for unlist/remove/restore (at least 10 characters). */
export const UNLIST_REASON = "It links to a phishing site in its starters.";

/**
 * A published public GPT reported by `reporterCount` different users (SPAM, then IMPERSONATION,
 * alternating), with its owner and an admin to act on it.
 */
export async function createReportedGpt({
  reporterCount = 2,
  name,
}: {
  reporterCount?: number;
  name?: string;
} = {}) {
  const owner = await createActor();
  const gpt = await createPublishedGpt(owner, { name });
  const admin = await createActor({ role: "ADMIN" });
  const reporters: Actor[] = [];
  const reportIds: string[] = [];
  for (let index = 0; index < reporterCount; index += 1) {
    const reporter = await createActor();
    reporters.push(reporter);
    const report = await reportGpt({
      actor: reporter,
      gptId: gpt.id,
      input: {
        reason: index % 2 === 0 ? "SPAM" : "IMPERSONATION",
        details: `Report number ${index + 1}`,
      },
    });
    reportIds.push(report.id);
  }
  return { owner, gpt, admin, reporters, reportIds };
}

/** The bell notifications a user got of one kind, newest first. */
export function notificationsOf(userId: string, kind: string) {
  return prisma.notification.findMany({
    where: { userId, kind },
    orderBy: { createdAt: "desc" },
  });
}

export async function gptStatus(gptId: string) {
  return (await prisma.gpt.findUniqueOrThrow({ where: { id: gptId }, select: { status: true } }))
    .status;
}
