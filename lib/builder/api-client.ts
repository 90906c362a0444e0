import type { ChatMessage } from "../chat/schemas";
import { ApiError } from "../gpts/api-client";
import type { BuilderChangeAction, BuilderChangeActionResult, BuilderChangeView } from "./schemas";

/** Browser-side calls to the Create tab's API; errors are rethrown as ApiError like the editor's. */

export type BuilderHistoryPayload = {
  conversationId: string | null;
  messages: ChatMessage[];
  changes: BuilderChangeView[];
};

export function builderTurnUrl(gptId: string): string {
  return `/api/gpts/${encodeURIComponent(gptId)}/builder`;
}

async function requestJson<T>(url: string, init?: RequestInit): Promise<T> {
  let response: Response;
  try {
    response = await fetch(url, {
      ...init,
      headers: { "content-type": "application/json", ...init?.headers },
    });
  } catch {
    throw new ApiError(0, "network", "Could not reach the server. Check your connection.");
  }
  const payload = await response.json().catch(() => null);
  if (!response.ok) {
    const error = payload?.error;
    throw new ApiError(
      response.status,
      typeof error?.code === "string" ? error.code : "internal",
      typeof error?.message === "string"
        ? error.message
        : "Something went wrong. Please try again.",
      error?.fieldErrors,
    );
  }
  return payload as T;
}

export function builderHistoryRequest(gptId: string): Promise<BuilderHistoryPayload> {
  return requestJson(builderTurnUrl(gptId));
}

export function builderChangeActionRequest({
  gptId,
  changeId,
  action,
  revision,
}: {
  gptId: string;
  changeId: string;
  action: BuilderChangeAction;
  revision: number;
}): Promise<BuilderChangeActionResult> {
  return requestJson(`${builderTurnUrl(gptId)}/changes/${encodeURIComponent(changeId)}`, {
    method: "POST",
    body: JSON.stringify({ action, revision }),
  });
}
