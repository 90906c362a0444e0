"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { requestJson } from "./api-client";
import type { ConfigDiff } from "./diff-configs";
import { gptKeys } from "./hooks";
import type { RestoredDraft } from "./restore-gpt-version";
import type { GptVersionDetail, GptVersionSummary } from "./version-queries";
import type { GptVisibility } from "./visibility";

/** Browser-side calls and hooks for the version history, unpublish and visibility. */

type Serialized<T> = Omit<T, "createdAt"> & { createdAt: string };
export type VersionSummary = Serialized<GptVersionSummary>;
export type VersionDetail = Serialized<GptVersionDetail>;
export type VersionWithDiff = { version: VersionDetail; diff: ConfigDiff };

export const versionKeys = {
  list: (gptId: string) => [...gptKeys.all, "versions", gptId] as const,
  detail: (gptId: string, number: number) => [...versionKeys.list(gptId), number] as const,
};

const gptUrl = (gptId: string) => `/api/gpts/${encodeURIComponent(gptId)}`;

export function useGptVersions(gptId: string, { isEnabled = true } = {}) {
  return useQuery({
    queryKey: versionKeys.list(gptId),
    queryFn: () =>
      requestJson<{ versions: VersionSummary[] }>(`${gptUrl(gptId)}/versions`, {
        method: "GET",
      }).then((result) => result.versions),
    enabled: isEnabled,
  });
}

/**
 * One version and its diff against the saved draft; refetched on every opening (the draft moves).
 * `beforeFetch` lets the editor save pending edits first, so the diff covers what is on screen.
 */
export function useGptVersion(
  gptId: string,
  number: number | null,
  { beforeFetch }: { beforeFetch?: () => Promise<unknown> } = {},
) {
  return useQuery({
    queryKey: versionKeys.detail(gptId, number ?? 0),
    queryFn: async () => {
      await beforeFetch?.().catch(() => undefined);
      return requestJson<VersionWithDiff>(`${gptUrl(gptId)}/versions/${number}`, {
        method: "GET",
      });
    },
    enabled: number !== null,
    staleTime: 0,
  });
}

export function restoreGptVersionRequest({
  gptId,
  number,
  revision,
}: {
  gptId: string;
  number: number;
  revision: number;
}): Promise<RestoredDraft> {
  return requestJson(`${gptUrl(gptId)}/versions/${number}/restore`, {
    method: "POST",
    body: JSON.stringify({ revision }),
  });
}

export function useRestoreGptVersion() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationKey: [...gptKeys.all, "restore-version"],
    mutationFn: restoreGptVersionRequest,
    // Not awaited: refetching a version's diff first saves the draft through the editor's queue,
    // which is still busy with this restore (awaiting it here would deadlock).
    onSuccess: (_result, { gptId }) => {
      void queryClient.invalidateQueries({ queryKey: versionKeys.list(gptId) });
    },
  });
}

export function useUnpublishGpt() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationKey: [...gptKeys.all, "unpublish"],
    mutationFn: ({ gptId }: { gptId: string }) =>
      requestJson<{ isPublished: false }>(`${gptUrl(gptId)}/unpublish`, { method: "POST" }),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: gptKeys.all });
    },
  });
}

export function useSetGptVisibility() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationKey: [...gptKeys.all, "visibility"],
    mutationFn: ({ gptId, visibility }: { gptId: string; visibility: GptVisibility }) =>
      requestJson<{ visibility: GptVisibility }>(`${gptUrl(gptId)}/visibility`, {
        method: "PUT",
        body: JSON.stringify({ visibility }),
      }),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: gptKeys.all });
    },
  });
}
