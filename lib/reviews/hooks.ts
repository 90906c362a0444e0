"use client";

import { useInfiniteQuery, useMutation, useQueryClient } from "@tanstack/react-query";
import {
  createReviewRequest,
  deleteReviewRequest,
  fetchReviewsPage,
  replyToReviewRequest,
  updateReviewRequest,
} from "./api-client";

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
