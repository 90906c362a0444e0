"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { createGptRequest, publishGptRequest, saveGptDraftRequest } from "./api-client";

/** Query keys for GPT data; invalidate `gptKeys.all` after anything that changes a GPT. */
export const gptKeys = {
  all: ["gpts"] as const,
  mine: () => [...gptKeys.all, "mine"] as const,
  editor: (gptId: string) => [...gptKeys.all, "editor", gptId] as const,
};

export function useCreateGpt() {
  return useMutation({ mutationKey: [...gptKeys.all, "create"], mutationFn: createGptRequest });
}

export function useSaveGptDraft() {
  return useMutation({
    mutationKey: [...gptKeys.all, "save-draft"],
    mutationFn: saveGptDraftRequest,
  });
}

export function usePublishGpt() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationKey: [...gptKeys.all, "publish"],
    mutationFn: publishGptRequest,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: gptKeys.all }),
  });
}
