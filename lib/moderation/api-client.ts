import { requestJson } from "../admin/api-client";
import type { ModerateGptResult, ResolveReportResult } from "./resolve-report";
import type {
  AppealInput,
  AppealsPage,
  DecideAppealInput,
  GptModerationState,
  ModerateGptInput,
  ReportGroupsPage,
  ReportInput,
  ReportQueueFilter,
  ResolveReportInput,
} from "./schemas";

export function reportGptRequest({ gptId, input }: { gptId: string; input: ReportInput }) {
  return requestJson<{ report: { id: string } }>(`/api/gpts/${encodeURIComponent(gptId)}/reports`, {
    method: "POST",
    body: input,
  });
}

export function fetchReportGroups(filter: ReportQueueFilter, page = 1) {
  return requestJson<ReportGroupsPage>(`/api/admin/reports?status=${filter}&page=${page}`, {
    method: "GET",
  });
}

export function resolveReportRequest({
  reportId,
  input,
}: {
  reportId: string;
  input: ResolveReportInput;
}) {
  return requestJson<{ result: ResolveReportResult }>(
    `/api/admin/reports/${encodeURIComponent(reportId)}`,
    { method: "POST", body: input },
  );
}

export function moderateGptRequest({ gptId, input }: { gptId: string; input: ModerateGptInput }) {
  return requestJson<{ result: ModerateGptResult }>(
    `/api/admin/reports/gpts/${encodeURIComponent(gptId)}`,
    { method: "POST", body: input },
  );
}

export function fetchOpenReportCount() {
  return requestJson<{ openCount: number }>("/api/admin/reports?count=open", { method: "GET" });
}

export function fetchPendingAppeals() {
  return requestJson<AppealsPage>("/api/admin/appeals", { method: "GET" });
}

export function decideAppealRequest({
  decisionId,
  input,
}: {
  decisionId: string;
  input: DecideAppealInput;
}) {
  return requestJson<{ result: { decisionId: string; appealStatus: "UPHELD" | "REVERSED" } }>(
    `/api/admin/appeals/${encodeURIComponent(decisionId)}`,
    { method: "POST", body: input },
  );
}

export function fetchGptModerationState(gptId: string) {
  return requestJson<GptModerationState>(`/api/gpts/${encodeURIComponent(gptId)}/moderation`, {
    method: "GET",
  });
}

export function appealDecisionRequest({ gptId, input }: { gptId: string; input: AppealInput }) {
  return requestJson<{ appeal: { decisionId: string; appealStatus: "PENDING" } }>(
    `/api/gpts/${encodeURIComponent(gptId)}/moderation/appeal`,
    { method: "POST", body: input },
  );
}

/** Resubmits a rejected GPT's listing for review (the review pipeline's endpoint). */
export function resubmitGptRequest({ gptId, note }: { gptId: string; note?: string }) {
  return requestJson<{ status: string }>(`/api/gpts/${encodeURIComponent(gptId)}/resubmit`, {
    method: "POST",
    body: note ? { note } : {},
  });
}
