import "server-only";
import type { Actor } from "../auth/session";
import { AppError } from "../errors";
import type { Prisma } from "../generated/prisma/client";
import { canViewGpt } from "../gpts/policy";

type Db = Prisma.TransactionClient;

export type ReviewTarget = { id: string; ownerId: string; isRemoved: boolean };

/**
 * The GPT a review or report is about, when the actor may see it. For changes (`forRead` false) a
 * removed GPT is a 404 for everyone, admins and owners included: its reviews are frozen with it.
 * Reading its reviews stays open to those who may still open its page (its owner, admins).
 */
export async function loadReviewTarget(
  db: Db,
  actor: Actor | null,
  gptId: string,
  { forRead = false }: { forRead?: boolean } = {},
): Promise<ReviewTarget> {
  const gpt = await db.gpt.findUnique({
    where: { id: gptId },
    select: {
      id: true,
      ownerId: true,
      visibility: true,
      status: true,
      publishedVersionId: true,
      deletedAt: true,
      owner: { select: { bannedAt: true } },
    },
  });
  const isVisible =
    gpt !== null &&
    (forRead || gpt.status !== "REMOVED") &&
    canViewGpt(actor, {
      ...gpt,
      isOwnerBanned: gpt.owner.bannedAt !== null,
      isDeleted: gpt.deletedAt !== null,
    });
  if (!gpt || !isVisible) throw new AppError("not_found", "This GPT doesn't exist or was removed.");
  return { id: gpt.id, ownerId: gpt.ownerId, isRemoved: gpt.status === "REMOVED" };
}

/**
 * Whether the user has really chatted with the GPT: a store conversation (not a draft preview)
 * with at least one finished assistant answer. Sending a message that never got an answer is not
 * enough to rate it.
 */
export async function hasChattedWith(db: Db, userId: string, gptId: string): Promise<boolean> {
  const conversation = await db.conversation.findFirst({
    where: {
      userId,
      gptId,
      isPreview: false,
      messages: { some: { role: "ASSISTANT", status: "COMPLETE" } },
    },
    select: { id: true },
  });
  return conversation !== null;
}
