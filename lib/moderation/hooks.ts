"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import {
  appealDecisionRequest,
  decideAppealRequest,
  fetchGptModerationState,
  fetchOpenReportCount,
  fetchPendingAppeals,
  fetchReportGroups,
  moderateGptRequest,
  reportGptRequest,
  resolveReportRequest,
  resubmitGptRequest,
} from "./api-client";
import type { AppealsPage, ReportGroupsPage, ReportQueueFilter } from "./schemas";

export const reportKeys = {
  all: ["reports"] as const,
  queue: (filter: ReportQueueFilter) => [...reportKeys.all, "queue", filter] as const,
  openCount: () => [...reportKeys.all, "open-count"] as const,
  appeals: () => [...reportKeys.all, "appeals"] as const,
};

export const gptModerationKeys = {
  all: ["gpt-moderation"] as const,
  state: (gptId: string) => [...gptModerationKeys.all, gptId] as const,
};

/**
 * The admin nav's badge: open reports (not GPTs), labelled "N open" beside "Reports". Refreshed
 * whenever the queue changes (invalidating reportKeys.all).
 */
export function useOpenReportCount() {
  return useQuery({
    queryKey: reportKeys.openCount(),
    queryFn: async () => (await fetchOpenReportCount()).openCount,
  });
}

export function useReportGpt() {
  return useMutation({ mutationFn: reportGptRequest });
}

/** The grouped queue, seeded with the server-rendered page when there is one. */
export function useReportGroups(filter: ReportQueueFilter, initialData?: ReportGroupsPage) {
  return useQuery({
    queryKey: reportKeys.queue(filter),
    queryFn: () => fetchReportGroups(filter),
    initialData,
  });
}

export function usePendingAppeals(initialData?: AppealsPage) {
  return useQuery({
    queryKey: reportKeys.appeals(),
    queryFn: fetchPendingAppeals,
    initialData,
  });
}

export function useResolveReport() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: resolveReportRequest,
    // Settled, not success: a 409 means the queue on screen is stale.
    onSettled: () => queryClient.invalidateQueries({ queryKey: reportKeys.all }),
  });
}

export function useModerateGpt() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: moderateGptRequest,
    // Settled, not success: a 409 means the queue on screen is stale.
    onSettled: () => queryClient.invalidateQueries({ queryKey: reportKeys.all }),
  });
}

export function useDecideAppeal() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: decideAppealRequest,
    // Settled, not success: a 409 means the queue on screen is stale.
    onSettled: () => queryClient.invalidateQueries({ queryKey: reportKeys.all }),
  });
}

/** The owner's view of their GPT's moderation (editor panel and header badge). */
export function useGptModerationState(gptId: string | null) {
  return useQuery({
    queryKey: gptModerationKeys.state(gptId ?? ""),
    queryFn: () => fetchGptModerationState(gptId as string),
    enabled: gptId !== null,
  });
}

export function useAppealDecision() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: appealDecisionRequest,
    onSuccess: (_data, { gptId }) =>
      queryClient.invalidateQueries({ queryKey: gptModerationKeys.state(gptId) }),
  });
}

export function useResubmitGpt() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: resubmitGptRequest,
    onSuccess: (_data, { gptId }) =>
      queryClient.invalidateQueries({ queryKey: gptModerationKeys.state(gptId) }),
  });
}
