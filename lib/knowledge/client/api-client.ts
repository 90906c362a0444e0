import { requestJson, uploadFileRequest } from "@/lib/gpts/api-client";
import type { KnowledgeFileView, KnowledgeLimits, RetrievedChunk } from "../types";

/**
 * Browser-side calls to the knowledge API of one GPT (owner only). Errors are the builder's
 * ApiError (lib/gpts/api-client.ts), carrying the server's message and field errors.
 */

export type KnowledgeUsage = { files: number; creatorBytes: number };

export type KnowledgeListResponse = {
  files: KnowledgeFileView[];
  limits: KnowledgeLimits;
  usage: KnowledgeUsage;
};

export type KnowledgeSearchSource = "draft" | "published";

export type KnowledgeSearchInput = {
  query: string;
  topK?: number;
  minScore?: number;
  source?: KnowledgeSearchSource;
};

export type KnowledgeSearchResponse = {
  results: RetrievedChunk[];
  mode: "lexical" | "hybrid";
  tookMs: number;
};

const base = (gptId: string) => `/api/gpts/${encodeURIComponent(gptId)}/knowledge`;
const fileUrl = (gptId: string, fileId: string) => `${base(gptId)}/${encodeURIComponent(fileId)}`;

export function listKnowledgeRequest(gptId: string): Promise<KnowledgeListResponse> {
  return requestJson(base(gptId), { method: "GET" });
}

/** One file per request (multipart `file`); progress is 0-1 as the bytes leave the browser. */
export function uploadKnowledgeFileRequest({
  gptId,
  file,
  onProgress,
  signal,
}: {
  gptId: string;
  file: File;
  onProgress?: (fraction: number) => void;
  signal?: AbortSignal;
}): Promise<{ file: KnowledgeFileView }> {
  return uploadFileRequest({
    url: base(gptId),
    file,
    onProgress,
    signal,
    failureMessage: `${file.name} could not be uploaded.`,
  });
}

export function deleteKnowledgeFileRequest({
  gptId,
  fileId,
}: {
  gptId: string;
  fileId: string;
}): Promise<{ ok: true }> {
  return requestJson(fileUrl(gptId, fileId), { method: "DELETE" });
}

export function retryKnowledgeFileRequest({
  gptId,
  fileId,
}: {
  gptId: string;
  fileId: string;
}): Promise<{ file: KnowledgeFileView }> {
  return requestJson(`${fileUrl(gptId, fileId)}/retry`, { method: "POST" });
}

export function searchKnowledgeRequest({
  gptId,
  input,
}: {
  gptId: string;
  input: KnowledgeSearchInput;
}): Promise<KnowledgeSearchResponse> {
  return requestJson(`${base(gptId)}/search`, { method: "POST", body: JSON.stringify(input) });
}
