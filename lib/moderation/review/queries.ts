import "server-only";
import { assertModerator } from "../../admin/policy";
import type { Actor } from "../../auth/session";
import { prisma } from "../../db";
import { definitionsFromVersion } from "../../gpt-actions/definition";
import { avatarUrl } from "../../gpts/avatar/avatar-url";
import { creatorDisplayName } from "../../store/card";
import { flagsOf } from "./review-helpers";
import type { ReviewQueueFilter, ReviewQueuePage, ReviewQueueRow } from "./schemas";

export const REVIEW_QUEUE_PAGE_SIZE = 50;

const reviewRowSelect = {
  id: true,
  status: true,
  flags: true,
  createdAt: true,
  decidedAt: true,
  versionId: true,
  decision: {
    select: {
      kind: true,
      reason: true,
      decidedBy: { select: { name: true, email: true } },
    },
  },
  gpt: {
    select: {
      id: true,
      slug: true,
      name: true,
      status: true,
      avatarKey: true,
      avatarColor: true,
      owner: {
        select: { name: true, email: true, builderProfile: { select: { displayName: true } } },
      },
    },
  },
} as const;

/**
 * The listing review queue: pending reviews oldest first (first come, first served), or recent
 * decisions newest first. Each row carries the submitted version as the store would show it.
 */
export async function listListingReviews({
  actor,
  filter,
  page = 1,
}: {
  actor: Actor;
  filter: ReviewQueueFilter;
  page?: number;
}): Promise<ReviewQueuePage> {
  assertModerator(actor);
  const isPending = filter === "pending";
  const [rows, pendingCount] = await Promise.all([
    prisma.listingReview.findMany({
      where: isPending
        ? { status: "PENDING", gpt: { deletedAt: null } }
        : { status: { in: ["APPROVED", "REJECTED"] } },
      orderBy: isPending
        ? [{ createdAt: "asc" }, { id: "asc" }]
        : [{ decidedAt: "desc" }, { id: "desc" }],
      skip: (page - 1) * REVIEW_QUEUE_PAGE_SIZE,
      take: REVIEW_QUEUE_PAGE_SIZE + 1,
      select: reviewRowSelect,
    }),
    countPendingReviews({ actor }),
  ]);
  const pageRows = rows.slice(0, REVIEW_QUEUE_PAGE_SIZE);
  const versionIds = pageRows.flatMap((row) => (row.versionId ? [row.versionId] : []));
  const versions = await prisma.gptVersion.findMany({
    where: { id: { in: versionIds } },
    select: {
      id: true,
      number: true,
      name: true,
      description: true,
      conversationStarters: true,
      avatarKey: true,
      avatarColor: true,
      capabilities: true,
      actions: true,
    },
  });
  const versionById = new Map(versions.map((version) => [version.id, version]));
  return {
    reviews: pageRows.map((row): ReviewQueueRow => {
      const version = row.versionId ? versionById.get(row.versionId) : undefined;
      const actionDomains = version?.capabilities.includes("actions")
        ? [...new Set(definitionsFromVersion(version.actions).map((action) => action.domain))]
        : [];
      const decision =
        row.decision && (row.decision.kind === "APPROVE" || row.decision.kind === "REJECT")
          ? {
              kind: row.decision.kind,
              reason: row.decision.reason,
              decidedByName: row.decision.decidedBy
                ? (row.decision.decidedBy.name ?? row.decision.decidedBy.email)
                : null,
            }
          : null;
      return {
        id: row.id,
        status: row.status,
        flags: flagsOf(row.flags),
        submittedAt: row.createdAt.toISOString(),
        decidedAt: row.decidedAt?.toISOString() ?? null,
        decision,
        gpt: {
          id: row.gpt.id,
          slug: row.gpt.slug,
          name: version?.name ?? row.gpt.name,
          avatarUrl: avatarUrl(version ? version.avatarKey : row.gpt.avatarKey),
          avatarColor: version ? version.avatarColor : row.gpt.avatarColor,
          status: row.gpt.status,
          creatorName: creatorDisplayName(row.gpt.owner),
          creatorEmail: row.gpt.owner.email,
        },
        listing: {
          versionNumber: version?.number ?? null,
          description: version?.description ?? "",
          conversationStarters: version?.conversationStarters ?? [],
          actionDomains,
        },
      };
    }),
    filter,
    pendingCount,
    nextPage: rows.length > REVIEW_QUEUE_PAGE_SIZE ? page + 1 : null,
  };
}

/** Listings waiting for a moderator (the queue's badge). */
export async function countPendingReviews({ actor }: { actor: Actor }): Promise<number> {
  assertModerator(actor);
  return prisma.listingReview.count({ where: { status: "PENDING", gpt: { deletedAt: null } } });
}
