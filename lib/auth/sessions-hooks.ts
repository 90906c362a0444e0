"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { requestJson } from "../admin/api-client";
import type { UserSessionItem } from "./user-sessions";

export const sessionKeys = { mine: ["me", "sessions"] as const };

export function useMySessions() {
  return useQuery({
    queryKey: sessionKeys.mine,
    queryFn: async () =>
      (await requestJson<{ sessions: UserSessionItem[] }>("/api/me/sessions", { method: "GET" }))
        .sessions,
  });
}

export function useSignOutSession() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (sessionId: string) =>
      requestJson(`/api/me/sessions/${encodeURIComponent(sessionId)}`, { method: "DELETE" }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: sessionKeys.mine }),
  });
}

/** Ends every session, this one included; the caller then clears this browser's cookie. */
export function useSignOutEverywhere() {
  return useMutation({
    mutationFn: () => requestJson<{ revoked: number }>("/api/me/sessions", { method: "DELETE" }),
  });
}
