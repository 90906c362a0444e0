"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { requestJson } from "../gpts/api-client";
import { gptKeys } from "../gpts/hooks";
import type { EmbedSettingsInput, EmbedSettingsView } from "./schemas";

/** Browser-side calls for a GPT's website widget settings (Share → Embed on your site). */

export const embedKeys = {
  settings: (gptId: string) => [...gptKeys.all, "embed", gptId] as const,
};

const embedUrl = (gptId: string) => `/api/gpts/${encodeURIComponent(gptId)}/embed`;

export function useEmbedSettings(gptId: string, { isEnabled = true } = {}) {
  return useQuery({
    queryKey: embedKeys.settings(gptId),
    queryFn: () => requestJson<EmbedSettingsView>(embedUrl(gptId), { method: "GET" }),
    enabled: isEnabled,
    staleTime: 0,
  });
}

export function useSaveEmbedSettings() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationKey: [...gptKeys.all, "save-embed"],
    mutationFn: ({ gptId, settings }: { gptId: string; settings: EmbedSettingsInput }) =>
      requestJson<EmbedSettingsView>(embedUrl(gptId), {
        method: "PUT",
        body: JSON.stringify(settings),
      }),
    onSuccess: (view, { gptId }) => queryClient.setQueryData(embedKeys.settings(gptId), view),
  });
}
