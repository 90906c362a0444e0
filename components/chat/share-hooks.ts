"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { ShareLink } from "@/lib/chat/share/types";
import { conversationKeys, json } from "./hooks";

type ShareStatus = { isShareable: boolean; share: ShareLink | null };

// Literal /api paths at each fetch: tests/unit/security/no-raw-outbound-requests.test.ts allows
// same-origin paths it can read, never a URL held in a variable.
export const sharedLinkKeys = { all: ["shared-links"] as const };

export function useShareStatus(conversationId: string, { isEnabled }: { isEnabled: boolean }) {
  return useQuery({
    queryKey: conversationKeys.share(conversationId),
    queryFn: async () =>
      json<ShareStatus>(
        await fetch(`/api/conversations/${encodeURIComponent(conversationId)}/share`),
      ),
    enabled: isEnabled,
    // The dialog must show the link's real state each time it opens.
    staleTime: 0,
  });
}

/** Creates the link, or refreshes its copy (same link). */
export function useCreateShare(conversationId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async () =>
      (
        await json<{ share: ShareLink }>(
          await fetch(`/api/conversations/${encodeURIComponent(conversationId)}/share`, {
            method: "POST",
          }),
        )
      ).share,
    onSuccess: (share) =>
      queryClient.setQueryData<ShareStatus>(conversationKeys.share(conversationId), {
        isShareable: true,
        share,
      }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: sharedLinkKeys.all }),
  });
}

export function useRevokeShare() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (conversationId: string) =>
      json(
        await fetch(`/api/conversations/${encodeURIComponent(conversationId)}/share`, {
          method: "DELETE",
        }),
      ),
    onSuccess: (_result, conversationId) =>
      queryClient.setQueryData<ShareStatus>(conversationKeys.share(conversationId), (status) =>
        status ? { ...status, share: null } : status,
      ),
    onSettled: () => queryClient.invalidateQueries({ queryKey: sharedLinkKeys.all }),
  });
}
