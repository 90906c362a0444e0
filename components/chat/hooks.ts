"use client";

import { useInfiniteQuery, useMutation, useQueryClient } from "@tanstack/react-query";

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

/** One page of GET /api/conversations. */
export type ConversationListPage = {
  conversations: ConversationListItem[];
  nextCursor: string | null;
};

export const conversationKeys = {
  all: ["conversations"] as const,
  /** `q` "" is the plain recent list; a search is its own cache entry. */
  list: (q = "") => [...conversationKeys.all, "list", q] as const,
  share: (id: string) => [...conversationKeys.all, "share", id] as const,
};

export async function json<T>(response: Response): Promise<T> {
  const body = await response.json().catch(() => null);
  if (!response.ok) throw new Error(body?.error?.message ?? "Request failed. Please try again.");
  return body as T;
}

/**
 * The actor's conversations, newest first, paged ("Load more"); with `q`, the server's title
 * search (which also finds conversations not loaded yet).
 */
export function useConversations({
  q = "",
  initialPage,
}: {
  q?: string;
  initialPage?: ConversationListPage;
} = {}) {
  return useInfiniteQuery({
    queryKey: conversationKeys.list(q),
    queryFn: async ({ pageParam }) => {
      const params = new URLSearchParams();
      if (q) params.set("q", q);
      if (pageParam) params.set("cursor", pageParam);
      const query = params.size > 0 ? `?${params}` : "";
      return json<ConversationListPage>(await fetch(`/api/conversations${query}`));
    },
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
    initialData: !q && initialPage ? { pages: [initialPage], pageParams: [null] } : undefined,
    // Refining a search keeps its results on screen until the new ones arrive. Never the
    // unfiltered recent list (key q ""): shown for a first search, it would pass for matches.
    placeholderData: (previous, previousQuery) =>
      q && previousQuery?.queryKey[2] ? previous : undefined,
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
