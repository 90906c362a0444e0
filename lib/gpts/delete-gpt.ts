import "server-only";
import type { Actor } from "../auth/session";
import { prisma } from "../db";
import { AppError } from "../errors";
import { withdrawPendingReview } from "../moderation/review/review-helpers";
import { invalidateStoreListings } from "../store/listing-cache";

/**
 * Soft-deletes the owner's GPT: it leaves the store, its page, My GPTs and the editor, and the
 * chat refuses new turns; existing conversations keep their history. The row (and so its slug)
 * stays, so a link to it never starts pointing at another GPT. Anyone else's GPT is "not found".
 * A listing waiting for review is withdrawn (moderators have nothing left to decide).
 */
export async function deleteGpt({ actor, gptId }: { actor: Actor; gptId: string }) {
  await prisma.$transaction(async (tx) => {
    const deleted = await tx.gpt.updateMany({
      where: { id: gptId, ownerId: actor.id, deletedAt: null },
      data: { deletedAt: new Date() },
    });
    if (deleted.count === 0) throw new AppError("not_found", "GPT not found.");
    await withdrawPendingReview(tx, gptId);
  });
  invalidateStoreListings();
  return { ok: true as const };
}
