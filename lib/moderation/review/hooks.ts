"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import {
  approveReviewRequest,
  fetchListingReviews,
  fetchModerationSettings,
  fetchPendingReviewCount,
  rejectReviewRequest,
  resubmitListingRequest,
  saveModerationSettingsRequest,
} from "./api-client";
import type { ReviewQueueFilter, ReviewQueuePage } from "./schemas";

export const listingReviewKeys = {
  all: ["listing-reviews"] as const,
  queue: (filter: ReviewQueueFilter) => [...listingReviewKeys.all, "queue", filter] as const,
  pendingCount: () => [...listingReviewKeys.all, "pending-count"] as const,
  settings: ["admin", "moderation-settings"] as const,
};

/** The review queue, seeded with the server-rendered page. */
export function useListingReviews(filter: ReviewQueueFilter, initialData?: ReviewQueuePage) {
  return useQuery({
    queryKey: listingReviewKeys.queue(filter),
    queryFn: () => fetchListingReviews(filter),
    initialData,
  });
}

/** Listings waiting for a moderator; refreshed whenever one is decided. */
export function usePendingReviewCount() {
  return useQuery({
    queryKey: listingReviewKeys.pendingCount(),
    queryFn: async () => (await fetchPendingReviewCount()).pendingCount,
  });
}

export function useApproveReview() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: approveReviewRequest,
    onSettled: () => queryClient.invalidateQueries({ queryKey: listingReviewKeys.all }),
  });
}

export function useRejectReview() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: rejectReviewRequest,
    onSettled: () => queryClient.invalidateQueries({ queryKey: listingReviewKeys.all }),
  });
}

export function useResubmitListing() {
  return useMutation({ mutationFn: resubmitListingRequest });
}

export function useModerationSettings() {
  return useQuery({ queryKey: listingReviewKeys.settings, queryFn: fetchModerationSettings });
}

export function useSaveModerationSettings() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: saveModerationSettingsRequest,
    onSuccess: (settings) => queryClient.setQueryData(listingReviewKeys.settings, settings),
  });
}
