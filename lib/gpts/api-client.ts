import type { ListingOutcome } from "../moderation/review/schemas";
import type { MyGptSummary } from "./queries";
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

export async function requestJson<T>(url: string, init: RequestInit): Promise<T> {
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
    throw apiErrorFrom(response.status, payload, "Something went wrong. Please try again.");
  }
  return payload as T;
}

function apiErrorFrom(status: number, payload: unknown, fallbackMessage: string): ApiError {
  const error = (payload as { error?: Record<string, unknown> } | null)?.error;
  return new ApiError(
    status,
    typeof error?.code === "string" ? error.code : "internal",
    typeof error?.message === "string" ? error.message : fallbackMessage,
    error?.fieldErrors as Record<string, string[]> | undefined,
  );
}

/**
 * POSTs one file as multipart `file` and resolves with the JSON answer. XMLHttpRequest rather
 * than fetch, because only it reports upload progress. Failures are ApiErrors carrying the
 * server's message, like requestJson's.
 */
export function uploadFileRequest<T>({
  url,
  file,
  onProgress,
  signal,
  failureMessage,
  abortMessage = "Upload cancelled.",
}: {
  url: string;
  file: File;
  /** 0-1, as the bytes leave the browser. */
  onProgress?: (fraction: number) => void;
  signal?: AbortSignal;
  /** Shown when the server's answer carries no message of its own. */
  failureMessage: string;
  abortMessage?: string;
}): Promise<T> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open("POST", url);
    xhr.responseType = "json";
    xhr.upload.addEventListener("progress", (event) => {
      if (event.lengthComputable) onProgress?.(event.loaded / event.total);
    });
    xhr.addEventListener("load", () => {
      if (xhr.status >= 200 && xhr.status < 300 && xhr.response) resolve(xhr.response as T);
      else reject(apiErrorFrom(xhr.status, xhr.response, failureMessage));
    });
    xhr.addEventListener("error", () =>
      reject(new ApiError(0, "network", "Could not reach the server. Check your connection.")),
    );
    xhr.addEventListener("abort", () => reject(new ApiError(0, "aborted", abortMessage)));
    signal?.addEventListener("abort", () => xhr.abort(), { once: true });
    const body = new FormData();
    body.append("file", file);
    xhr.send(body);
  });
}

export type CreatedGpt = { id: string; slug: string; revision: number };
export type SavedDraft = { revision: number };
export type PublishedGpt = {
  versionId: string;
  number: number;
  slug: string;
  visibility: PublishGptInput["visibility"];
  /** Ready knowledge files in the new version; files still processing or failed are left out. */
  knowledgeFileCount: number;
  knowledgeFilesProcessing: number;
  knowledgeFilesFailed: number;
  /** A public publish: listed at once, or waiting for a moderator (and why); null otherwise. */
  listing: ListingOutcome | null;
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

export function listMyGptsRequest(): Promise<{ gpts: MyGptSummary[] }> {
  return requestJson("/api/gpts", { method: "GET" });
}

export function deleteGptRequest({ gptId }: { gptId: string }): Promise<{ ok: true }> {
  return requestJson(`/api/gpts/${encodeURIComponent(gptId)}`, { method: "DELETE" });
}

export type CopiedGpt = { id: string; slug: string; name: string };

export function duplicateGptRequest({ gptId }: { gptId: string }): Promise<CopiedGpt> {
  return requestJson(`/api/gpts/${encodeURIComponent(gptId)}/duplicate`, { method: "POST" });
}

export type RemixedGpt = { id: string; slug: string };

export function remixGptRequest({ gptId }: { gptId: string }): Promise<RemixedGpt> {
  return requestJson(`/api/gpts/${encodeURIComponent(gptId)}/remix`, { method: "POST" });
}
