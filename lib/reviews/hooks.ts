"use client";

import { useInfiniteQuery, useMutation, useQueryClient } from "@tanstack/react-query";
import {
  createReviewRequest,
  deleteReviewRequest,
  fetchReviewsPage,
  replyToReviewRequest,
  updateReviewRequest,
} from "./api-client";
import type { ReviewItem, ReviewsPage } from "./schemas";

/** Query keys for reviews; every mutation invalidates the GPT's list (summary and counts move). */
export const reviewKeys = {
  all: ["reviews"] as const,
  gpt: (gptId: string) => [...reviewKeys.all, "gpt", gptId] as const,
};

export function useGptReviews(gptId: string) {
  return useInfiniteQuery({
    queryKey: reviewKeys.gpt(gptId),
    queryFn: ({ pageParam }) => fetchReviewsPage(gptId, pageParam),
    initialPageParam: 1,
    getNextPageParam: (last) => last.nextPage ?? undefined,
  });
}

/**
 * The loaded reviews, each once. Pages are numbered, so a review posted between two "Show more"
 * clicks pushes the previous page's last review onto the next page as well.
 */
export function reviewsOfPages(pages: ReviewsPage[]): ReviewItem[] {
  const seen = new Set<string>();
  return pages.flatMap((page) =>
    page.reviews.filter((review) => {
      if (seen.has(review.id)) return false;
      seen.add(review.id);
      return true;
    }),
  );
}

function useReviewMutation<TVariables, TResult>(
  gptId: string,
  mutationFn: (variables: TVariables) => Promise<TResult>,
) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: reviewKeys.gpt(gptId) }),
  });
}

export const useCreateReview = (gptId: string) => useReviewMutation(gptId, createReviewRequest);
export const useUpdateReview = (gptId: string) => useReviewMutation(gptId, updateReviewRequest);
export const useDeleteReview = (gptId: string) => useReviewMutation(gptId, deleteReviewRequest);
export const useReplyToReview = (gptId: string) => useReviewMutation(gptId, replyToReviewRequest);
