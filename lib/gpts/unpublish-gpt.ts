import "server-only";
import type { Actor } from "../auth/session";
import { prisma } from "../db";
import { AppError } from "../errors";
import { withdrawPendingReview } from "../moderation/review/review-helpers";
import { invalidateStoreListings } from "../store/listing-cache";
import { refreshSearchDocuments } from "../store/search-document";

/**
 * Takes a GPT out of the store: no version is live any more, so its page and chat are "not found"
 * for everyone else. Versions are kept (history, restore), and the next publish gets the next
 * number. Unpublishing an unpublished GPT is a no-op. A listing waiting for review is withdrawn.
 */
export async function unpublishGpt({
  actor,
  gptId,
}: {
  actor: Actor;
  gptId: string;
}): Promise<{ isPublished: false }> {
  await prisma.$transaction(async (tx) => {
    const updated = await tx.gpt.updateMany({
      where: { id: gptId, ownerId: actor.id, deletedAt: null },
      data: { publishedVersionId: null, publishedAt: null, publishedCategoryId: null },
    });
    if (updated.count === 0) throw new AppError("not_found", "GPT not found.");
    await withdrawPendingReview(tx, gptId);
    await refreshSearchDocuments({ gptId }, tx);
  });
  invalidateStoreListings();
  return { isPublished: false };
}
