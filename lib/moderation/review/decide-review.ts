import "server-only";
import { assertModerator } from "../../admin/policy";
import type { Actor } from "../../auth/session";
import { prisma } from "../../db";
import { AppError } from "../../errors";
import { parseInput } from "../../gpts/parse-input";
import type { GptStatus } from "../../gpts/policy";
import { dispatchEmail } from "../../mail/send-email";
import { notify } from "../../notifications/notify";
import { invalidateStoreListings } from "../../store/listing-cache";
import { editorPath } from "./review-helpers";
import {
  type ApproveReviewInput,
  approveReviewSchema,
  type RejectReviewInput,
  type ReviewDecisionResult,
  rejectReviewSchema,
} from "./schemas";

type Decision = { kind: "APPROVE"; note: string } | { kind: "REJECT"; reason: string };

/** Approve a pending listing: the GPT is listed in the store and its creator notified. */
export async function approveListingReview({
  actor,
  reviewId,
  input,
}: {
  actor: Actor;
  reviewId: string;
  input: ApproveReviewInput;
}): Promise<ReviewDecisionResult> {
  assertModerator(actor);
  const { note } = parseInput(approveReviewSchema, input);
  return decide({ actor, reviewId, decision: { kind: "APPROVE", note: note ?? "" } });
}

/** Reject a pending listing with the reason its creator is shown: it stays out of the store. */
export async function rejectListingReview({
  actor,
  reviewId,
  input,
}: {
  actor: Actor;
  reviewId: string;
  input: RejectReviewInput;
}): Promise<ReviewDecisionResult> {
  assertModerator(actor);
  const { reason } = parseInput(rejectReviewSchema, input);
  return decide({ actor, reviewId, decision: { kind: "REJECT", reason } });
}

/**
 * One transaction: the GPT row, then the review row, locked in that order (the order publishing
 * and report resolution use), so two moderators deciding at once take turns and the second finds
 * the review decided (409). Writes the ModerationDecision, the review's outcome, the GPT's status,
 * the audit row and the creator's notification together.
 */
async function decide({
  actor,
  reviewId,
  decision,
}: {
  actor: Actor;
  reviewId: string;
  decision: Decision;
}): Promise<ReviewDecisionResult> {
  const isApprove = decision.kind === "APPROVE";
  const result = await prisma.$transaction(async (tx) => {
    const target = await tx.listingReview.findUnique({
      where: { id: reviewId },
      select: { gptId: true },
    });
    if (!target) throw new AppError("not_found", "This review no longer exists.");
    const [gpt] = await tx.$queryRaw<{ status: GptStatus; ownerId: string; name: string }[]>`
      SELECT g.status::text AS status, g."ownerId", coalesce(v.name, g.name) AS name
      FROM "Gpt" g LEFT JOIN "GptVersion" v ON v.id = g."publishedVersionId"
      WHERE g.id = ${target.gptId} FOR UPDATE OF g`;
    const [review] = await tx.$queryRaw<{ status: string; versionId: string | null }[]>`
      SELECT status::text AS status, "versionId" FROM "ListingReview" WHERE id = ${reviewId} FOR UPDATE`;
    if (!gpt || !review) throw new AppError("not_found", "This review no longer exists.");
    if (review.status !== "PENDING") {
      throw new AppError(
        "conflict",
        review.status === "WITHDRAWN"
          ? "The creator withdrew this listing; there is nothing to decide."
          : "This listing was already decided by another moderator.",
      );
    }
    // Listing a GPT a moderator unlisted or removed would undo that decision from the wrong queue.
    if (isApprove && (gpt.status === "REMOVED" || gpt.status === "UNLISTED")) {
      throw new AppError(
        "conflict",
        `This GPT was ${gpt.status === "REMOVED" ? "removed" : "unlisted"} by a moderator; restore it before approving its listing, or reject the listing.`,
      );
    }
    const now = new Date();
    const reason = decision.kind === "APPROVE" ? decision.note : decision.reason;
    const moderation = await tx.moderationDecision.create({
      data: { gptId: target.gptId, kind: decision.kind, reason, decidedById: actor.id },
      select: { id: true },
    });
    await tx.listingReview.update({
      where: { id: reviewId },
      data: {
        status: isApprove ? "APPROVED" : "REJECTED",
        decisionId: moderation.id,
        decidedAt: now,
      },
    });
    const keepsStatus = gpt.status === "REMOVED" || gpt.status === "UNLISTED";
    const gptStatus: GptStatus = keepsStatus ? gpt.status : isApprove ? "ACTIVE" : "REJECTED";
    if (gptStatus !== gpt.status) {
      await tx.gpt.update({ where: { id: target.gptId }, data: { status: gptStatus } });
    }
    await tx.auditLog.create({
      data: {
        actorId: actor.id,
        action: isApprove ? "listing.approve" : "listing.reject",
        targetType: "Gpt",
        targetId: target.gptId,
        data: {
          reviewId,
          decisionId: moderation.id,
          versionId: review.versionId,
          ...(isApprove ? { note: reason } : { reason }),
        },
      },
    });
    const email = await notify(tx, {
      userId: gpt.ownerId,
      kind: isApprove ? "listing.approved" : "listing.rejected",
      title: isApprove
        ? `“${gpt.name}” is listed in the store`
        : `“${gpt.name}” was not approved for the store`,
      body: isApprove
        ? [
            "A moderator approved your listing: people can find your GPT in the store now.",
            reason ? `Note from the moderator: ${reason}` : "",
          ]
            .filter(Boolean)
            .join("\n\n")
        : `A moderator did not approve your listing. Reason: ${reason}\n\nYour GPT keeps working for anyone with its link. Change what the reason mentions and publish it again to resubmit it, or resubmit it with a note from the editor.`,
      href: editorPath(target.gptId),
    });
    const decided: ReviewDecisionResult = {
      reviewId,
      gptId: target.gptId,
      status: isApprove ? "APPROVED" : "REJECTED",
      gptStatus,
    };
    return { decided, email };
  });
  invalidateStoreListings();
  if (result.email) await dispatchEmail(result.email);
  return result.decided;
}
