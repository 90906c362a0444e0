"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { json } from "./hooks";

/** A pinned GPT as GET /api/me/pinned-gpts returns it (lib/chat/pins/gpt-tile.ts). */
export type PinnedGptItem = {
  gptId: string;
  slug: string;
  name: string;
  avatarUrl: string | null;
  avatarColor: string | null;
};

export const pinnedGptKeys = { all: ["pinned-gpts"] as const };

export function usePinnedGpts({
  initialData,
  isEnabled = true,
}: {
  initialData?: PinnedGptItem[];
  isEnabled?: boolean;
} = {}) {
  return useQuery({
    queryKey: pinnedGptKeys.all,
    queryFn: async () =>
      (await json<{ pinnedGpts: PinnedGptItem[] }>(await fetch("/api/me/pinned-gpts"))).pinnedGpts,
    initialData,
    enabled: isEnabled,
  });
}

/**
 * Pin or unpin, shown at once (optimistic) and rolled back if the server refuses. A pin made
 * without a slug yet (the GPT page knows it; a bare id does not) is completed by the refetch.
 */
export function useTogglePin() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ gpt, isPinned }: { gpt: PinnedGptItem; isPinned: boolean }) =>
      isPinned
        ? json(
            await fetch("/api/me/pinned-gpts", {
              method: "POST",
              headers: { "content-type": "application/json" },
              body: JSON.stringify({ gptId: gpt.gptId }),
            }),
          )
        : json(
            await fetch(`/api/me/pinned-gpts/${encodeURIComponent(gpt.gptId)}`, {
              method: "DELETE",
            }),
          ),
    onMutate: async ({ gpt, isPinned }) => {
      await queryClient.cancelQueries({ queryKey: pinnedGptKeys.all });
      const previous = queryClient.getQueryData<PinnedGptItem[]>(pinnedGptKeys.all);
      queryClient.setQueryData<PinnedGptItem[]>(pinnedGptKeys.all, (list = []) => {
        const others = list.filter((item) => item.gptId !== gpt.gptId);
        return isPinned ? [...others, gpt] : others;
      });
      return { previous };
    },
    onError: (_error, _input, context) => {
      queryClient.setQueryData(pinnedGptKeys.all, context?.previous);
    },
    onSettled: () => queryClient.invalidateQueries({ queryKey: pinnedGptKeys.all }),
  });
}
