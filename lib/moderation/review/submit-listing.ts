import "server-only";
import type { Prisma } from "../../generated/prisma/client";
import type { QueuedEmail } from "../../mail/send-email";
import { notify } from "../../notifications/notify";
import type { ListingFinding, ReviewFlag } from "../checks";
import { editorPath, flagsOf, toJsonFlags } from "./review-helpers";
import { runSubmissionChecks } from "./run-submission-checks";
import type { ListingOutcome } from "./schemas";

type Tx = Prisma.TransactionClient;

export type SubmittedListing = { listing: ListingOutcome; emails: QueuedEmail[] };

/**
 * Runs when a GPT's published version becomes (or stays) publicly listed, inside the caller's
 * transaction with the Gpt row locked: publishing a version as Public, or switching a published GPT
 * to Public. Runs the automatic checks on that version, then:
 * - REMOVED or UNLISTED (a moderator's decision): left as it is, nothing is submitted.
 * - it waits for a moderator (status IN_REVIEW, one PENDING ListingReview holding the version and
 *   the findings, the creator notified) when the policy is ALL_PUBLIC (every public listing and
 *   every new public version is reviewed: a listed GPT's new version could change anything), when
 *   the checks find something a moderator has not already approved for this GPT, when the GPT was
 *   REJECTED (publishing again is resubmitting), or when it already waits (a new version while a
 *   review is pending stays in review, updated to that version: otherwise publishing a clean
 *   version would skip the review under way);
 * - otherwise it is listed (ACTIVE).
 */
export async function submitListing(
  tx: Tx,
  { gptId, versionId }: { gptId: string; versionId: string },
): Promise<SubmittedListing> {
  const gpt = await tx.gpt.findUniqueOrThrow({
    where: { id: gptId },
    select: { status: true, ownerId: true },
  });
  if (gpt.status === "REMOVED" || gpt.status === "UNLISTED") {
    return { listing: { status: "UNLISTED", findings: [] }, emails: [] };
  }
  const [{ findings, policy }, version, lastApproved, pending] = await Promise.all([
    runSubmissionChecks(tx, { gptId, versionId }),
    tx.gptVersion.findUniqueOrThrow({ where: { id: versionId }, select: { name: true } }),
    tx.listingReview.findFirst({
      where: { gptId, status: "APPROVED" },
      orderBy: { decidedAt: "desc" },
      select: { flags: true },
    }),
    tx.listingReview.findFirst({ where: { gptId, status: "PENDING" } }),
  ]);
  // A finding a moderator already approved for this GPT (a protected name its real owner uses)
  // does not send each new version back to the queue.
  const approved = new Set(flagsOf(lastApproved?.flags).map(flagKey));
  const newFindings = findings.filter((finding) => !approved.has(flagKey(finding)));
  const reason = whyReviewed({
    policy,
    newFindings,
    wasRejected: gpt.status === "REJECTED",
    isPending: pending !== null || gpt.status === "IN_REVIEW",
  });
  if (!reason) {
    if (gpt.status !== "ACTIVE") {
      await tx.gpt.update({ where: { id: gptId }, data: { status: "ACTIVE" } });
    }
    return { listing: { status: "LISTED", findings: [] }, emails: [] };
  }

  await tx.gpt.update({ where: { id: gptId }, data: { status: "IN_REVIEW" } });
  const listing: ListingOutcome = {
    status: "IN_REVIEW",
    findings: findings.map((finding) => finding.message),
  };
  if (pending) {
    // The creator's own note stays with the review; the findings are the new version's.
    const notes = flagsOf(pending.flags).filter((flag) => flag.check === "creator-note");
    await tx.listingReview.update({
      where: { id: pending.id },
      data: { versionId, flags: toJsonFlags([...findings, ...notes]) },
    });
    return { listing, emails: [] };
  }
  await tx.listingReview.create({ data: { gptId, versionId, flags: toJsonFlags(findings) } });
  const email = await notify(tx, {
    userId: gpt.ownerId,
    kind: "listing.in-review",
    title: `“${version.name}” is waiting for review`,
    body: inReviewBody(reason, findings),
    href: editorPath(gptId),
  });
  return { listing, emails: email ? [email] : [] };
}

type ReviewReason = "findings" | "rejected" | "policy" | "pending";

function whyReviewed({
  policy,
  newFindings,
  wasRejected,
  isPending,
}: {
  policy: "ALL_PUBLIC" | "FLAGGED_ONLY";
  newFindings: ListingFinding[];
  wasRejected: boolean;
  isPending: boolean;
}): ReviewReason | null {
  if (newFindings.length > 0) return "findings";
  if (wasRejected) return "rejected";
  if (policy === "ALL_PUBLIC") return "policy";
  if (isPending) return "pending";
  return null;
}

const LINK_NOTE =
  "A moderator will look at it soon and you will be notified of the decision. Meanwhile it is not listed in the store, and it keeps working for anyone with its link.";

export function inReviewBody(reason: ReviewReason | "resubmitted", findings: ReviewFlag[]) {
  const intro =
    findings.length > 0
      ? `The automatic checks flagged your listing:\n\n${findings.map((f) => `• ${f.message}`).join("\n")}`
      : reason === "rejected" || reason === "resubmitted"
        ? "You submitted your listing again after it was rejected, so a moderator looks at it again."
        : "Every public listing on this store is reviewed by a moderator before it appears in the store.";
  return `${intro}\n\n${LINK_NOTE}`;
}

function flagKey(flag: ReviewFlag): string {
  return `${flag.check}\u0000${flag.message}`;
}
