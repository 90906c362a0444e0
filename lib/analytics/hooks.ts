"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { requestJson } from "../admin/api-client";
import { analyticsApiUrl } from "./schemas";
import type { AnalyticsRange, CreatorAnalytics } from "./types";

export type AnalyticsView = { range: AnalyticsRange; gptId: string | null };

export const analyticsKeys = {
  all: ["creator", "analytics"] as const,
  view: ({ range, gptId }: AnalyticsView) => [...analyticsKeys.all, range, gptId ?? "all"] as const,
};

/**
 * The dashboard's data for a view. The server-rendered view seeds its own entry; switching GPT or
 * range keeps the previous figures on screen (marked as updating) until the new ones arrive.
 */
export function useCreatorAnalytics(view: AnalyticsView, initial: CreatorAnalytics | null) {
  const isInitialView =
    initial !== null && initial.rangeDays === view.range && initial.gptId === view.gptId;
  return useQuery({
    queryKey: analyticsKeys.view(view),
    queryFn: () => requestJson<CreatorAnalytics>(analyticsApiUrl(view), { method: "GET" }),
    initialData: isInitialView ? initial : undefined,
    placeholderData: keepPreviousData,
    staleTime: 60_000,
  });
}
