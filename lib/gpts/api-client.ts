import type { GptDraftInput, PublishGptInput } from "./schemas";

/**
 * Browser-side calls to the GPT builder API. Errors arrive as `{ error: { code, message,
 * fieldErrors } }` (lib/errors.ts) and are rethrown as ApiError so the editor can branch on code.
 */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly fieldErrors: Record<string, string[]>;

  constructor(
    status: number,
    code: string,
    message: string,
    fieldErrors?: Record<string, string[]>,
  ) {
    super(message);
    this.name = "ApiError";
    this.status = status;
    this.code = code;
    this.fieldErrors = fieldErrors ?? {};
  }
}

export function isConflictError(error: unknown): boolean {
  return error instanceof ApiError && error.code === "conflict";
}

async function requestJson<T>(url: string, init: RequestInit): Promise<T> {
  let response: Response;
  try {
    response = await fetch(url, {
      ...init,
      headers: { "content-type": "application/json", ...init.headers },
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

export type CreatedGpt = { id: string; slug: string; revision: number };
export type SavedDraft = { revision: number };
export type PublishedGpt = {
  versionId: string;
  number: number;
  slug: string;
  visibility: PublishGptInput["visibility"];
};

export function createGptRequest(draft: GptDraftInput): Promise<CreatedGpt> {
  return requestJson("/api/gpts", { method: "POST", body: JSON.stringify(draft) });
}

export function saveGptDraftRequest({
  gptId,
  draft,
  revision,
  keepalive,
}: {
  gptId: string;
  draft: GptDraftInput;
  revision: number;
  /** Lets a last save outlive the page (client-side navigation away from the editor). */
  keepalive?: boolean;
}): Promise<SavedDraft> {
  return requestJson(`/api/gpts/${encodeURIComponent(gptId)}`, {
    method: "PATCH",
    body: JSON.stringify({ ...draft, revision }),
    keepalive,
  });
}

export function publishGptRequest({
  gptId,
  input,
}: {
  gptId: string;
  input: PublishGptInput;
}): Promise<PublishedGpt> {
  return requestJson(`/api/gpts/${encodeURIComponent(gptId)}/publish`, {
    method: "POST",
    body: JSON.stringify(input),
  });
}
