import { z } from "zod";

export const REVIEW_LIMITS = { body: 2000, reply: 1000, pageSize: 10 } as const;

const ratingSchema = z
  .number({ error: "Choose a rating from 1 to 5 stars." })
  .int("Choose a rating from 1 to 5 stars.")
  .min(1, "Choose a rating from 1 to 5 stars.")
  .max(5, "Choose a rating from 1 to 5 stars.");

/** Optional text: trimmed, and an empty review is stored as null (a rating without words). */
const bodySchema = z
  .string()
  .trim()
  .max(
    REVIEW_LIMITS.body,
    `Keep your review under ${REVIEW_LIMITS.body.toLocaleString("en-US")} characters.`,
  )
  .nullish()
  .transform((body) => (body ? body : null));

export const reviewInputSchema = z.object({ rating: ratingSchema, body: bodySchema });
export type ReviewInput = z.input<typeof reviewInputSchema>;

export const replyInputSchema = z.object({
  body: z
    .string({ error: "Write a reply." })
    .trim()
    .min(1, "Write a reply.")
    .max(
      REVIEW_LIMITS.reply,
      `Keep your reply under ${REVIEW_LIMITS.reply.toLocaleString("en-US")} characters.`,
    ),
});
export type ReplyInput = z.input<typeof replyInputSchema>;

export const reviewPageSchema = z.coerce.number().int().min(1).max(10_000).catch(1);

/** One review as the GPT page shows it: the reviewer's name only, never an email. */
export type ReviewItem = {
  id: string;
  rating: number;
  body: string | null;
  reviewerName: string;
  isOwn: boolean;
  createdAt: string;
  updatedAt: string;
  creatorReply: string | null;
  creatorRepliedAt: string | null;
};

export type RatingSummary = {
  /** Plain mean, one decimal; null while unrated. */
  average: number | null;
  count: number;
  /** How many ratings gave each number of stars, 5 down to 1. */
  distribution: { stars: 5 | 4 | 3 | 2 | 1; count: number }[];
};

export type ReviewViewer = {
  canReview: boolean;
  /** Why the viewer cannot rate (signed out, own GPT, never chatted); null when they can. */
  reason: string | null;
  isCreator: boolean;
  ownReview: ReviewItem | null;
};

export type ReviewsPage = {
  summary: RatingSummary;
  reviews: ReviewItem[];
  page: number;
  nextPage: number | null;
  viewer: ReviewViewer;
};
