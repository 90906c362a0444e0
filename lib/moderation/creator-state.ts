import "server-only";
import type { Actor } from "../auth/session";
import { prisma } from "../db";
import { AppError } from "../errors";
import { isAppealableKind, STATUS_AFTER_DECISION } from "./labels";
import type { GptModerationState } from "./schemas";

type Flag = { check: string; message: string };

function toFlags(value: unknown): Flag[] {
  if (!Array.isArray(value)) return [];
  return value.flatMap((entry) =>
    entry && typeof entry === "object" && typeof (entry as Flag).message === "string"
      ? [{ check: String((entry as Flag).check ?? ""), message: (entry as Flag).message }]
      : [],
  );
}

/**
 * What moderation did to the owner's GPT, for the editor's panel: its status, the latest decision
 * (the reason is the creator's to read; the moderator's name is not), whether it can be appealed
 * (once, while it still applies), the pending listing review and whether a rejection can be
 * resubmitted. Owner only: anyone else gets a 404, as for a GPT that does not exist.
 */
export async function getGptModerationState({
  actor,
  gptId,
}: {
  actor: Actor;
  gptId: string;
}): Promise<GptModerationState> {
  const gpt = await prisma.gpt.findFirst({
    where: { id: gptId, ownerId: actor.id, deletedAt: null },
    select: {
      status: true,
      moderationDecisions: {
        orderBy: [{ createdAt: "desc" }, { id: "desc" }],
        take: 1,
        select: {
          id: true,
          kind: true,
          reason: true,
          createdAt: true,
          appealStatus: true,
          appealText: true,
          appealedAt: true,
          appealReply: true,
          appealDecidedAt: true,
        },
      },
      listingReviews: {
        where: { status: "PENDING" },
        orderBy: [{ createdAt: "desc" }, { id: "desc" }],
        take: 1,
        select: { flags: true, createdAt: true },
      },
    },
  });
  if (!gpt) throw new AppError("not_found", "GPT not found.");
  const decision = gpt.moderationDecisions[0];
  const review = gpt.listingReviews[0];
  return {
    status: gpt.status,
    latestDecision: decision
      ? {
          id: decision.id,
          kind: decision.kind,
          reason: decision.reason,
          decidedAt: decision.createdAt.toISOString(),
          decidedByName: null,
          appealStatus: decision.appealStatus,
          appeal: decision.appealStatus
            ? {
                status: decision.appealStatus,
                text: decision.appealText ?? "",
                appealedAt: (decision.appealedAt ?? decision.createdAt).toISOString(),
                reply: decision.appealReply,
                decidedAt: decision.appealDecidedAt?.toISOString() ?? null,
              }
            : null,
          canAppeal:
            isAppealableKind(decision.kind) &&
            decision.appealStatus === null &&
            gpt.status === STATUS_AFTER_DECISION[decision.kind],
        }
      : null,
    pendingReview:
      gpt.status === "IN_REVIEW" && review
        ? { flags: toFlags(review.flags), since: review.createdAt.toISOString() }
        : null,
    canResubmit: gpt.status === "REJECTED",
  };
}
