"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import {
  createGptRequest,
  deleteGptRequest,
  duplicateGptRequest,
  listMyGptsRequest,
  publishGptRequest,
  remixGptRequest,
  saveGptDraftRequest,
} from "./api-client";
import { getGptExportStateRequest, importGptPackageRequest } from "./package/package-requests";
import type { MyGptSummary } from "./queries";

/** Query keys for GPT data; invalidate `gptKeys.all` after anything that changes a GPT. */
export const gptKeys = {
  all: ["gpts"] as const,
  mine: () => [...gptKeys.all, "mine"] as const,
  editor: (gptId: string) => [...gptKeys.all, "editor", gptId] as const,
};

export function useCreateGpt() {
  return useMutation({ mutationKey: [...gptKeys.all, "create"], mutationFn: createGptRequest });
}

export function useSaveGptDraft() {
  return useMutation({
    mutationKey: [...gptKeys.all, "save-draft"],
    mutationFn: saveGptDraftRequest,
  });
}

export function usePublishGpt() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationKey: [...gptKeys.all, "publish"],
    mutationFn: publishGptRequest,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: gptKeys.all }),
  });
}

/** "My GPTs", seeded with the server-rendered list. */
export function useMyGpts(initialData: MyGptSummary[]) {
  return useQuery({
    queryKey: gptKeys.mine(),
    queryFn: async () => (await listMyGptsRequest()).gpts,
    initialData,
  });
}

/** Soft delete; the row leaves "My GPTs" at once and comes back if the server refuses. */
export function useDeleteGpt() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationKey: [...gptKeys.all, "delete"],
    mutationFn: deleteGptRequest,
    onMutate: async ({ gptId }) => {
      await queryClient.cancelQueries({ queryKey: gptKeys.mine() });
      const previous = queryClient.getQueryData<MyGptSummary[]>(gptKeys.mine());
      queryClient.setQueryData<MyGptSummary[]>(gptKeys.mine(), (gpts) =>
        gpts?.filter((gpt) => gpt.id !== gptId),
      );
      return { previous };
    },
    onError: (_error, _variables, context) => {
      if (context?.previous) queryClient.setQueryData(gptKeys.mine(), context.previous);
    },
    onSettled: () => queryClient.invalidateQueries({ queryKey: gptKeys.all }),
  });
}

export function useDuplicateGpt() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationKey: [...gptKeys.all, "duplicate"],
    mutationFn: duplicateGptRequest,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: gptKeys.mine() }),
  });
}

export function useRemixGpt() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationKey: [...gptKeys.all, "remix"],
    mutationFn: remixGptRequest,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: gptKeys.mine() }),
  });
}

/** Whether the GPT has a published version to export (the export dialog's "published" option). */
export function useGptExportState(gptId: string, { enabled }: { enabled: boolean }) {
  return useQuery({
    queryKey: [...gptKeys.all, "export-state", gptId],
    queryFn: () => getGptExportStateRequest(gptId),
    enabled,
  });
}

/** Imports a package (.json or .zip) as a new draft → `{ id, slug, warnings }`. */
export function useImportGptPackage() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationKey: [...gptKeys.all, "import"],
    mutationFn: importGptPackageRequest,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: gptKeys.mine() }),
  });
}
