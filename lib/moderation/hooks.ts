"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import {
  fetchAdminReports,
  fetchOpenReportCount,
  reportGptRequest,
  resolveReportRequest,
} from "./api-client";
import type { AdminReportsPage, ReportQueueFilter } from "./schemas";

export const reportKeys = {
  all: ["reports"] as const,
  queue: (filter: ReportQueueFilter) => [...reportKeys.all, "queue", filter] as const,
  openCount: () => [...reportKeys.all, "open-count"] as const,
};

/** The admin nav's badge; refreshed whenever a report is resolved (invalidating reportKeys.all). */
export function useOpenReportCount() {
  return useQuery({
    queryKey: reportKeys.openCount(),
    queryFn: async () => (await fetchOpenReportCount()).openCount,
  });
}

export function useReportGpt() {
  return useMutation({ mutationFn: reportGptRequest });
}

/** The admin queue, seeded with the server-rendered page when there is one. */
export function useAdminReports(filter: ReportQueueFilter, initialData?: AdminReportsPage) {
  return useQuery({
    queryKey: reportKeys.queue(filter),
    queryFn: () => fetchAdminReports(filter),
    initialData,
  });
}

export function useResolveReport() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: resolveReportRequest,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: reportKeys.all }),
  });
}
