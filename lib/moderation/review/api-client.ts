import { requestJson } from "../../admin/api-client";
import type {
  ApproveReviewInput,
  ModerationSettings,
  ModerationSettingsInput,
  RejectReviewInput,
  ResubmitListingInput,
  ReviewDecisionResult,
  ReviewQueueFilter,
  ReviewQueuePage,
} from "./schemas";

export function fetchListingReviews(filter: ReviewQueueFilter, page = 1) {
  return requestJson<ReviewQueuePage>(`/api/admin/reviews?status=${filter}&page=${page}`, {
    method: "GET",
  });
}

export function fetchPendingReviewCount() {
  return requestJson<{ pendingCount: number }>("/api/admin/reviews?count=pending", {
    method: "GET",
  });
}

export function approveReviewRequest({
  reviewId,
  input,
}: {
  reviewId: string;
  input: ApproveReviewInput;
}) {
  return requestJson<{ result: ReviewDecisionResult }>(
    `/api/admin/reviews/${encodeURIComponent(reviewId)}/approve`,
    { method: "POST", body: input },
  );
}

export function rejectReviewRequest({
  reviewId,
  input,
}: {
  reviewId: string;
  input: RejectReviewInput;
}) {
  return requestJson<{ result: ReviewDecisionResult }>(
    `/api/admin/reviews/${encodeURIComponent(reviewId)}/reject`,
    { method: "POST", body: input },
  );
}

/** The creator of a rejected listing asks for another look (with a note, or after a new version). */
export function resubmitListingRequest({
  gptId,
  input,
}: {
  gptId: string;
  input: ResubmitListingInput;
}) {
  return requestJson<{ status: "IN_REVIEW" }>(`/api/gpts/${encodeURIComponent(gptId)}/resubmit`, {
    method: "POST",
    body: input,
  });
}

export function fetchModerationSettings() {
  return requestJson<ModerationSettings>("/api/admin/moderation-settings", { method: "GET" });
}

export function saveModerationSettingsRequest(input: ModerationSettingsInput) {
  return requestJson<ModerationSettings>("/api/admin/moderation-settings", {
    method: "PUT",
    body: input,
  });
}
