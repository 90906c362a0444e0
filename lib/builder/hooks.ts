"use client";

import { useMutation, useQuery } from "@tanstack/react-query";
import { builderChangeActionRequest, builderHistoryRequest } from "./api-client";

export const builderKeys = {
  all: ["builder"] as const,
  history: (gptId: string) => [...builderKeys.all, "history", gptId] as const,
};

/** The Create tab's chat and changes, loaded once when the tab opens (the chat keeps it live). */
export function useBuilderHistory(gptId: string | null) {
  return useQuery({
    queryKey: builderKeys.history(gptId ?? "new"),
    queryFn: () => builderHistoryRequest(gptId!),
    enabled: gptId !== null,
    staleTime: Number.POSITIVE_INFINITY,
    refetchOnWindowFocus: false,
    retry: false,
  });
}

export function useBuilderChangeAction() {
  return useMutation({
    mutationKey: [...builderKeys.all, "change-action"],
    mutationFn: builderChangeActionRequest,
  });
}
