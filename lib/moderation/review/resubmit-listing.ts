import "server-only";
import type { Actor } from "../../auth/session";
import { prisma } from "../../db";
import { AppError } from "../../errors";
import { parseInput } from "../../gpts/parse-input";
import { dispatchEmail } from "../../mail/send-email";
import { notify } from "../../notifications/notify";
import type { ReviewFlag } from "../checks";
import { editorPath, toJsonFlags } from "./review-helpers";
import { runSubmissionChecks } from "./run-submission-checks";
import { type ResubmitListingInput, resubmitListingSchema } from "./schemas";
import { inReviewBody } from "./submit-listing";

/**
 * The creator of a REJECTED public listing asks moderators for another look. Publishing a new
 * version as Public does this by itself; this is for the creator who wants to explain (or who
 * published the new version while link-only): it needs a version published since the rejection,
 * or a note for the moderators (kept in the review's flags as "creator-note"). The checks run
 * again on the published version. Returns the GPT's new status (IN_REVIEW).
 */
export async function resubmitListing({
  actor,
  gptId,
  input,
}: {
  actor: Actor;
  gptId: string;
  input: ResubmitListingInput;
}): Promise<{ status: "IN_REVIEW" }> {
  const { note } = parseInput(resubmitListingSchema, input);
  const email = await prisma.$transaction(async (tx) => {
    await tx.$queryRaw`SELECT id FROM "Gpt" WHERE id = ${gptId} AND "ownerId" = ${actor.id} FOR UPDATE`;
    const gpt = await tx.gpt.findFirst({
      where: { id: gptId, ownerId: actor.id, deletedAt: null },
      select: { id: true, status: true, visibility: true, publishedVersionId: true },
    });
    if (!gpt) throw new AppError("not_found", "GPT not found.");
    if (gpt.status !== "REJECTED") {
      throw new AppError(
        "conflict",
        gpt.status === "IN_REVIEW"
          ? "This listing is already waiting for review."
          : "Only a rejected listing can be resubmitted.",
      );
    }
    if (gpt.visibility !== "PUBLIC" || !gpt.publishedVersionId) {
      throw new AppError(
        "bad_request",
        "Publish this GPT as Public to submit its listing: only public GPTs are listed in the store.",
      );
    }
    const rejected = await tx.listingReview.findFirst({
      where: { gptId, status: "REJECTED" },
      orderBy: { decidedAt: "desc" },
      select: { versionId: true },
    });
    const hasNewVersion = !rejected || rejected.versionId !== gpt.publishedVersionId;
    if (!note && !hasNewVersion) {
      const message =
        "Tell the moderators what you changed or why the listing should be approved, or publish a new version.";
      throw new AppError("bad_request", message, { note: [message] });
    }
    const { findings } = await runSubmissionChecks(tx, {
      gptId,
      versionId: gpt.publishedVersionId,
    });
    const flags: ReviewFlag[] = note
      ? [...findings, { check: "creator-note", message: note }]
      : findings;
    await tx.gpt.update({ where: { id: gptId }, data: { status: "IN_REVIEW" } });
    await tx.listingReview.create({
      data: { gptId, versionId: gpt.publishedVersionId, flags: toJsonFlags(flags) },
    });
    const version = await tx.gptVersion.findUniqueOrThrow({
      where: { id: gpt.publishedVersionId },
      select: { name: true },
    });
    return notify(tx, {
      userId: actor.id,
      kind: "listing.in-review",
      title: `“${version.name}” is waiting for review`,
      body: inReviewBody("resubmitted", findings),
      href: editorPath(gptId),
    });
  });
  if (email) await dispatchEmail(email);
  return { status: "IN_REVIEW" };
}
