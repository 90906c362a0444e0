"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { ShareLink } from "@/lib/chat/share/types";
import { conversationKeys, json } from "./hooks";

type ShareStatus = { isShareable: boolean; share: ShareLink | null };

const shareUrl = (conversationId: string) =>
  `/api/conversations/${encodeURIComponent(conversationId)}/share`;

export const sharedLinkKeys = { all: ["shared-links"] as const };

export function useShareStatus(conversationId: string, { isEnabled }: { isEnabled: boolean }) {
  return useQuery({
    queryKey: conversationKeys.share(conversationId),
    queryFn: async () => json<ShareStatus>(await fetch(shareUrl(conversationId))),
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
      (await json<{ share: ShareLink }>(await fetch(shareUrl(conversationId), { method: "POST" })))
        .share,
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
      json(await fetch(shareUrl(conversationId), { method: "DELETE" })),
    onSuccess: (_result, conversationId) =>
      queryClient.setQueryData<ShareStatus>(conversationKeys.share(conversationId), (status) =>
        status ? { ...status, share: null } : status,
      ),
    onSettled: () => queryClient.invalidateQueries({ queryKey: sharedLinkKeys.all }),
  });
}
