import { requestJson } from "../admin/api-client";
import type { ResolveReportResult } from "./resolve-report";
import type { AdminReportsPage, ReportAction, ReportInput, ReportQueueFilter } from "./schemas";

export function reportGptRequest({ gptId, input }: { gptId: string; input: ReportInput }) {
  return requestJson<{ report: { id: string } }>(`/api/gpts/${encodeURIComponent(gptId)}/reports`, {
    method: "POST",
    body: input,
  });
}

export function fetchAdminReports(filter: ReportQueueFilter, page = 1) {
  return requestJson<AdminReportsPage>(`/api/admin/reports?status=${filter}&page=${page}`, {
    method: "GET",
  });
}

export function resolveReportRequest({
  reportId,
  action,
}: {
  reportId: string;
  action: ReportAction;
}) {
  return requestJson<{ result: ResolveReportResult }>(
    `/api/admin/reports/${encodeURIComponent(reportId)}`,
    { method: "POST", body: { action } },
  );
}

export function fetchOpenReportCount() {
  return requestJson<{ openCount: number }>("/api/admin/reports?count=open", { method: "GET" });
}
