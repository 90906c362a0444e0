"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { KnowledgeFileView } from "../types";
import {
  deleteKnowledgeFileRequest,
  type KnowledgeListResponse,
  type KnowledgeSearchInput,
  listKnowledgeRequest,
  retryKnowledgeFileRequest,
  searchKnowledgeRequest,
} from "./api-client";
import { isFileBusy } from "./format";

/** Poll while the server is still ingesting a file; stop as soon as every file has settled. */
export const KNOWLEDGE_POLL_MS = 1000;

export const knowledgeKeys = {
  all: ["knowledge"] as const,
  list: (gptId: string) => [...knowledgeKeys.all, "list", gptId] as const,
};

/**
 * The GPT's knowledge files, limits and usage; refetched every second while any file is busy.
 * Idle for a GPT not created yet (null).
 */
export function useKnowledgeFiles(gptId: string | null) {
  return useQuery({
    queryKey: knowledgeKeys.list(gptId ?? ""),
    queryFn: () => listKnowledgeRequest(gptId ?? ""),
    enabled: gptId !== null,
    staleTime: 0,
    refetchInterval: (query) =>
      query.state.data?.files.some(isFileBusy) ? KNOWLEDGE_POLL_MS : false,
  });
}

/** Puts a file the server returned into the cached list (replacing it, or adding it). */
export function mergeKnowledgeFile(
  data: KnowledgeListResponse | undefined,
  file: KnowledgeFileView,
): KnowledgeListResponse | undefined {
  if (!data) return data;
  const exists = data.files.some((item) => item.id === file.id);
  return {
    ...data,
    files: exists
      ? data.files.map((item) => (item.id === file.id ? file : item))
      : [...data.files, file],
    usage: exists
      ? data.usage
      : { files: data.usage.files + 1, creatorBytes: data.usage.creatorBytes + file.sizeBytes },
  };
}

/**
 * Removes a file from the draft. A file the published version uses stays (inDraft = false) until
 * the next publish, so the optimistic update only hides draft-only files.
 */
export function useDeleteKnowledgeFile(gptId: string) {
  const queryClient = useQueryClient();
  const key = knowledgeKeys.list(gptId);
  return useMutation({
    mutationKey: [...key, "delete"],
    mutationFn: (fileId: string) => deleteKnowledgeFileRequest({ gptId, fileId }),
    onMutate: async (fileId) => {
      await queryClient.cancelQueries({ queryKey: key });
      const previous = queryClient.getQueryData<KnowledgeListResponse>(key);
      queryClient.setQueryData<KnowledgeListResponse>(key, (data) => {
        const removed = data?.files.find((file) => file.id === fileId && file.inDraft);
        if (!data || !removed) return data;
        return {
          ...data,
          files: data.files.flatMap((file) => {
            if (file !== removed) return [file];
            return file.isLive ? [{ ...file, inDraft: false }] : [];
          }),
          // Only the per-GPT count drops now; storage is freed when the server deletes the blob.
          usage: { ...data.usage, files: Math.max(0, data.usage.files - 1) },
        };
      });
      return { previous };
    },
    onError: (_error, _fileId, context) => {
      if (context?.previous) queryClient.setQueryData(key, context.previous);
    },
    onSettled: () => queryClient.invalidateQueries({ queryKey: key }),
  });
}

export function useRetryKnowledgeFile(gptId: string) {
  const queryClient = useQueryClient();
  const key = knowledgeKeys.list(gptId);
  return useMutation({
    mutationKey: [...key, "retry"],
    mutationFn: (fileId: string) => retryKnowledgeFileRequest({ gptId, fileId }),
    onSuccess: ({ file }) => {
      queryClient.setQueryData<KnowledgeListResponse>(key, (data) =>
        mergeKnowledgeFile(data, file),
      );
      return queryClient.invalidateQueries({ queryKey: key });
    },
  });
}

/** The retrieval test console: one search per submit (a mutation, so nothing refetches it). */
export function useKnowledgeSearch(gptId: string) {
  return useMutation({
    mutationKey: [...knowledgeKeys.list(gptId), "search"],
    mutationFn: (input: KnowledgeSearchInput) => searchKnowledgeRequest({ gptId, input }),
  });
}

/**
 * True when publishing would change which files answer: a ready draft file the published version
 * lacks, or a live file removed from the draft. Files still processing do not count.
 */
export function knowledgeDiffersFromPublished(files: KnowledgeFileView[]): boolean {
  return files.some(
    (file) =>
      (file.inDraft && file.status === "READY" && !file.isLive) || (file.isLive && !file.inDraft),
  );
}
