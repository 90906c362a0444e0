import { requestJson } from "@/lib/gpts/api-client";
import type { CreateActionInput, PreviewOpenApiInput, UpdateActionInput } from "../schemas";
import type {
  ActionCallLogEntry,
  ActionConnectionView,
  ActionTestResult,
  ActionView,
  OpenApiPreview,
  PromptDecision,
} from "../types";

/**
 * Browser-side calls to the actions API. Errors are the builder's ApiError
 * (lib/gpts/api-client.ts), carrying the server's message and field errors.
 */

const base = (gptId: string) => `/api/gpts/${encodeURIComponent(gptId)}/actions`;
const actionUrl = (gptId: string, actionId: string) =>
  `${base(gptId)}/${encodeURIComponent(actionId)}`;

/** The draft's actions, and whether they differ from the published version's (or none is). */
export type ActionListResponse = { actions: ActionView[]; hasUnpublishedChanges: boolean };

export function listActionsRequest(gptId: string): Promise<ActionListResponse> {
  return requestJson(base(gptId), { method: "GET" });
}

/** Parses a pasted document or one fetched from a URL (through the egress guard); saves nothing. */
export function previewOpenApiRequest(
  gptId: string,
  input: PreviewOpenApiInput,
): Promise<OpenApiPreview> {
  return requestJson(`${base(gptId)}/preview`, { method: "POST", body: JSON.stringify(input) });
}

export function createActionRequest(
  gptId: string,
  input: CreateActionInput,
): Promise<{ action: ActionView }> {
  return requestJson(base(gptId), { method: "POST", body: JSON.stringify(input) });
}

export function updateActionRequest(
  gptId: string,
  actionId: string,
  input: UpdateActionInput,
): Promise<{ action: ActionView }> {
  return requestJson(actionUrl(gptId, actionId), {
    method: "PATCH",
    body: JSON.stringify(input),
  });
}

export function deleteActionRequest(gptId: string, actionId: string): Promise<{ ok: true }> {
  return requestJson(actionUrl(gptId, actionId), { method: "DELETE" });
}

/** MCP: lists the server's tools again (new tools arrive enabled). */
export function refreshMcpToolsRequest(
  gptId: string,
  actionId: string,
): Promise<{ action: ActionView }> {
  return requestJson(`${actionUrl(gptId, actionId)}/refresh`, { method: "POST" });
}

/** Runs one operation through the same runtime as the chat (the owner's own credentials). */
export function testActionRequest(
  gptId: string,
  actionId: string,
  input: { operationKey: string; args: Record<string, unknown> },
): Promise<ActionTestResult> {
  return requestJson(`${actionUrl(gptId, actionId)}/test`, {
    method: "POST",
    body: JSON.stringify(input),
  });
}

export function listActionCallsRequest(gptId: string): Promise<{ calls: ActionCallLogEntry[] }> {
  return requestJson(`${base(gptId)}/calls`, { method: "GET" });
}

export { connectActionUrl } from "../connect-url";

/** Answers a consent prompt shown in the chat while the call waits. */
export function answerPromptRequest(
  promptId: string,
  decision: PromptDecision,
): Promise<{ ok: true }> {
  return requestJson(`/api/actions/prompts/${encodeURIComponent(promptId)}`, {
    method: "POST",
    body: JSON.stringify({ decision }),
  });
}

export function listConnectionsRequest(): Promise<{ connections: ActionConnectionView[] }> {
  return requestJson("/api/me/connections", { method: "GET" });
}

export function disconnectRequest(connectionId: string): Promise<{ ok: true }> {
  return requestJson(`/api/me/connections/${encodeURIComponent(connectionId)}`, {
    method: "DELETE",
  });
}

/** Has the signed-in user connected their account for this action (builder Test panel)? */
export function connectionStatusRequest(
  gptId: string,
  actionId: string,
): Promise<{ isConnected: boolean }> {
  return requestJson(`${actionUrl(gptId, actionId)}/connection`, { method: "GET" });
}
