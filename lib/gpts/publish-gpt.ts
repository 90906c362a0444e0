import "server-only";
import type { Actor } from "../auth/session";
import { assertPublicGptQuota } from "../billing/public-gpt-quota";
import { prisma } from "../db";
import { AppError } from "../errors";
import { asJson } from "../gpt-actions/definition";
import { assertActionPrivacyPolicies, snapshotDraftActions } from "../gpt-actions/snapshot";
import { dispatchEmail, type QueuedEmail } from "../mail/send-email";
import { withdrawPendingReview } from "../moderation/review/review-helpers";
import type { ListingOutcome } from "../moderation/review/schemas";
import { submitListing } from "../moderation/review/submit-listing";
import { invalidateStoreListings } from "../store/listing-cache";
import { refreshSearchDocuments } from "../store/search-document";
import { assertHasBuilderProfile } from "../users/builder-profile-queries";
import { configOf } from "./gpt-config";
import { parseInput } from "./parse-input";
import { type PublishGptInput, publishGptSchema } from "./schemas";

export type PublishedGpt = {
  versionId: string;
  number: number;
  slug: string;
  visibility: "PRIVATE" | "LINK" | "PUBLIC";
  /** Knowledge files the new version answers from (the draft's READY files). */
  knowledgeFileCount: number;
  /**
   * Draft files still QUEUED or PROCESSING, left out of this version ("2 files still processing
   * are not included"): they go live with the next publish once READY.
   */
  knowledgeFilesProcessing: number;
  /** Draft files that FAILED to process, left out too. */
  knowledgeFilesFailed: number;
  /**
   * Public only: listed at once, or waiting for a moderator and why (lib/moderation/review);
   * null for private and link-only GPTs, which are never listed.
   */
  listing: ListingOutcome | null;
};

/**
 * Snapshots the draft as the next immutable version and makes it the one users talk to, with the
 * chosen visibility. Public GPTs need a builder profile (the creator name shown in the store):
 * without one the publish fails with a `displayName` field error, and nothing is published.
 * The version also snapshots which knowledge files are live: the draft's READY files, in the same
 * transaction. Files removed from the draft earlier stay on the older versions that use them.
 * Actions are snapshotted whole (credentials as ciphertext); a public GPT with actions needs a
 * privacy policy URL on each.
 * Publishing as Public submits the listing (lib/moderation/review/submit-listing.ts: listed, or in
 * review after the automatic checks or by policy); publishing as private or link-only withdraws a
 * pending review.
 */
export async function publishGpt({
  actor,
  gptId,
  input,
}: {
  actor: Actor;
  gptId: string;
  input: PublishGptInput;
}): Promise<PublishedGpt> {
  const { visibility, releaseNote } = parseInput(publishGptSchema, input);
  const result = await prisma.$transaction(async (tx) => {
    // Row lock: two publishes of one GPT at once take turns instead of colliding on the number.
    await tx.$queryRaw`SELECT id FROM "Gpt" WHERE id = ${gptId} AND "ownerId" = ${actor.id} FOR UPDATE`;
    const gpt = await tx.gpt.findFirst({
      where: { id: gptId, ownerId: actor.id, deletedAt: null },
    });
    if (!gpt) throw new AppError("not_found", "GPT not found.");
    if (gpt.status === "REMOVED") {
      throw new AppError(
        "forbidden",
        "This GPT was removed by a moderator and cannot be published.",
      );
    }
    if (!gpt.name.trim())
      throw new AppError("bad_request", "Give your GPT a name before publishing.");
    if (visibility === "PUBLIC") {
      await assertHasBuilderProfile(tx, actor.id);
      await assertPublicGptQuota(tx, { ownerId: actor.id, gptId });
    }
    const actions = await snapshotDraftActions(tx, gptId);
    if (visibility === "PUBLIC") {
      assertActionPrivacyPolicies({ capabilities: gpt.capabilities, definitions: actions });
    }
    const last = await tx.gptVersion.findFirst({
      where: { gptId },
      orderBy: { number: "desc" },
      select: { number: true },
    });
    const version = await tx.gptVersion.create({
      data: {
        gptId,
        number: (last?.number ?? 0) + 1,
        ...configOf(gpt),
        actions: asJson(actions),
        releaseNote: releaseNote || null,
      },
    });
    // FOR SHARE: a file cannot be deleted between this read and the snapshot rows below.
    const files = await tx.$queryRaw<{ id: string; status: string }[]>`
      SELECT id, status::text AS status FROM "KnowledgeFile"
      WHERE "gptId" = ${gptId} AND "inDraft" = true
      FOR SHARE`;
    const ready = files.filter((file) => file.status === "READY");
    if (ready.length > 0) {
      await tx.gptVersionKnowledgeFile.createMany({
        data: ready.map((file) => ({ versionId: version.id, fileId: file.id })),
      });
    }
    await tx.gpt.update({
      where: { id: gptId },
      data: {
        publishedVersionId: version.id,
        visibility,
        publishedAt: version.createdAt,
        publishedCategoryId: version.categoryId,
      },
    });
    await refreshSearchDocuments({ gptId }, tx);
    let listing: ListingOutcome | null = null;
    let emails: QueuedEmail[] = [];
    if (visibility === "PUBLIC") {
      ({ listing, emails } = await submitListing(tx, { gptId, versionId: version.id }));
    } else {
      await withdrawPendingReview(tx, gptId);
    }
    const published: PublishedGpt = {
      versionId: version.id,
      number: version.number,
      slug: gpt.slug,
      visibility,
      knowledgeFileCount: ready.length,
      knowledgeFilesProcessing: files.filter(
        (file) => file.status === "QUEUED" || file.status === "PROCESSING",
      ).length,
      knowledgeFilesFailed: files.filter((file) => file.status === "FAILED").length,
      listing,
    };
    return { published, emails };
  });
  invalidateStoreListings();
  for (const email of result.emails) await dispatchEmail(email);
  return result.published;
}
