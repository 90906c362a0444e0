import "server-only";
import type { Prisma } from "../../generated/prisma/client";
import type { ModerationLists, ReviewFlag } from "../checks";
import type { ListingReviewPolicy } from "./schemas";

type Tx = Prisma.TransactionClient;

/** Where a creator's notification about their listing leads: the GPT's editor. */
export function editorPath(gptId: string): string {
  return `/gpts/${encodeURIComponent(gptId)}/edit`;
}

/** ListingReview.flags as written by toJsonFlags; anything else is dropped. */
export function flagsOf(json: unknown): ReviewFlag[] {
  if (!Array.isArray(json)) return [];
  return json.filter(
    (flag): flag is ReviewFlag =>
      typeof flag === "object" &&
      flag !== null &&
      typeof (flag as ReviewFlag).check === "string" &&
      typeof (flag as ReviewFlag).message === "string",
  );
}

export function toJsonFlags(flags: ReviewFlag[]): Prisma.InputJsonValue {
  return flags.map(({ check, message }) => ({ check, message }));
}

/** The review policy and the checks' lists, read in the caller's transaction (schema defaults when unset). */
export async function loadModerationLists(
  tx: Tx,
): Promise<ModerationLists & { policy: ListingReviewPolicy }> {
  const settings =
    (await tx.instanceSettings.findUnique({
      where: { id: 1 },
      select: {
        listingReviewPolicy: true,
        moderationBlockedTerms: true,
        moderationProtectedNames: true,
      },
    })) ??
    (await tx.instanceSettings.upsert({
      where: { id: 1 },
      create: { id: 1 },
      update: {},
      select: {
        listingReviewPolicy: true,
        moderationBlockedTerms: true,
        moderationProtectedNames: true,
      },
    }));
  return {
    policy: settings.listingReviewPolicy,
    blockedTerms: settings.moderationBlockedTerms,
    protectedNames: settings.moderationProtectedNames,
  };
}

/**
 * The creator took the GPT out of the listing (private, link only, unpublished, deleted) while it
 * waited: its pending review is WITHDRAWN and an IN_REVIEW status goes back to ACTIVE (it is not
 * listed anyway: only public, published GPTs are). REJECTED, UNLISTED and REMOVED stay: those are
 * moderators' decisions. Call with the Gpt row locked or in the same statement order as publish.
 */
export async function withdrawPendingReview(tx: Tx, gptId: string): Promise<void> {
  await tx.listingReview.updateMany({
    where: { gptId, status: "PENDING" },
    data: { status: "WITHDRAWN", decidedAt: new Date() },
  });
  await tx.gpt.updateMany({
    where: { id: gptId, status: "IN_REVIEW" },
    data: { status: "ACTIVE" },
  });
}
