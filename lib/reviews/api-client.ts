import { requestJson } from "../admin/api-client";
import type { ReplyInput, ReviewInput, ReviewItem, ReviewsPage } from "./schemas";

/** Browser-side calls to the reviews API; errors arrive as ApiError (lib/admin/api-client.ts). */
const reviewsUrl = (gptId: string) => `/api/gpts/${encodeURIComponent(gptId)}/reviews`;

export function fetchReviewsPage(gptId: string, page: number) {
  return requestJson<ReviewsPage>(`${reviewsUrl(gptId)}?page=${page}`, { method: "GET" });
}

export function createReviewRequest({ gptId, input }: { gptId: string; input: ReviewInput }) {
  return requestJson<{ review: ReviewItem }>(reviewsUrl(gptId), { method: "POST", body: input });
}

export function updateReviewRequest({ gptId, input }: { gptId: string; input: ReviewInput }) {
  return requestJson<{ review: ReviewItem }>(`${reviewsUrl(gptId)}/mine`, {
    method: "PATCH",
    body: input,
  });
}

export function deleteReviewRequest({ gptId }: { gptId: string }) {
  return requestJson<{ ok: true }>(`${reviewsUrl(gptId)}/mine`, { method: "DELETE" });
}

export function replyToReviewRequest({ reviewId, input }: { reviewId: string; input: ReplyInput }) {
  return requestJson<{ review: ReviewItem }>(`/api/reviews/${encodeURIComponent(reviewId)}/reply`, {
    method: "POST",
    body: input,
  });
}
