import "server-only";
import { reviewerDisplayName } from "./policy";
import type { ReviewItem } from "./schemas";

export const reviewItemSelect = {
  id: true,
  userId: true,
  rating: true,
  body: true,
  createdAt: true,
  updatedAt: true,
  creatorReply: true,
  creatorRepliedAt: true,
  user: { select: { name: true } },
} as const;

type ReviewRow = {
  id: string;
  userId: string;
  rating: number;
  body: string | null;
  createdAt: Date;
  updatedAt: Date;
  creatorReply: string | null;
  creatorRepliedAt: Date | null;
  user: { name: string | null };
};

export function toReviewItem(row: ReviewRow, viewerId: string | null): ReviewItem {
  return {
    id: row.id,
    rating: row.rating,
    body: row.body,
    reviewerName: reviewerDisplayName(row.user),
    isOwn: viewerId !== null && row.userId === viewerId,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    creatorReply: row.creatorReply,
    creatorRepliedAt: row.creatorRepliedAt?.toISOString() ?? null,
  };
}
