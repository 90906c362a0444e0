"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import type { MentionableGpt } from "./mentionable-gpts";

export const mentionKeys = {
  all: ["mentionable-gpts"] as const,
  search: (query: string) => [...mentionKeys.all, query] as const,
};

async function fetchMentionable(query: string, signal: AbortSignal): Promise<MentionableGpt[]> {
  const response = await fetch(`/api/chat/mentionable?q=${encodeURIComponent(query)}`, { signal });
  const body = await response.json().catch(() => null);
  if (!response.ok) throw new Error(body?.error?.message ?? "Could not load GPTs.");
  return (body as { gpts: MentionableGpt[] }).gpts;
}

/** The GPTs the user may @mention for what they typed after "@" (fetched while the list is open). */
export function useMentionableGpts(query: string, isEnabled: boolean) {
  return useQuery({
    queryKey: mentionKeys.search(query.trim().toLowerCase()),
    queryFn: ({ signal }) => fetchMentionable(query.trim(), signal),
    enabled: isEnabled,
    staleTime: 30_000,
    placeholderData: keepPreviousData,
  });
}
