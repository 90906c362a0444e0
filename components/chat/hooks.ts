"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";

export type ConversationListItem = {
  id: string;
  title: string;
  updatedAt: string;
  gpt: {
    id: string;
    slug: string;
    name: string;
    avatarUrl?: string | null;
    avatarColor?: string | null;
  };
};

export const conversationKeys = {
  all: ["conversations"] as const,
  list: () => [...conversationKeys.all, "list"] as const,
};

async function json<T>(response: Response): Promise<T> {
  const body = await response.json().catch(() => null);
  if (!response.ok) throw new Error(body?.error?.message ?? "Request failed. Please try again.");
  return body as T;
}

export function useConversations(initialData?: ConversationListItem[]) {
  return useQuery({
    queryKey: conversationKeys.list(),
    queryFn: async () =>
      (await json<{ conversations: ConversationListItem[] }>(await fetch("/api/conversations")))
        .conversations,
    initialData,
  });
}

export function useRenameConversation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ id, title }: { id: string; title: string }) =>
      json(
        await fetch(`/api/conversations/${id}`, {
          method: "PATCH",
          headers: { "content-type": "application/json" },
          body: JSON.stringify({ title }),
        }),
      ),
    onSettled: () => queryClient.invalidateQueries({ queryKey: conversationKeys.all }),
  });
}

export function useDeleteConversation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ id }: { id: string }) =>
      json(await fetch(`/api/conversations/${id}`, { method: "DELETE" })),
    onSettled: () => queryClient.invalidateQueries({ queryKey: conversationKeys.all }),
  });
}
