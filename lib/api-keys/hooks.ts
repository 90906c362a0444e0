"use client";

import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { requestJson } from "../admin/api-client";
import type { ApiActionGpt } from "./action-permissions";
import type { ApiKeyView, CreateApiKeyInput } from "./schemas";

export type ApiKeyList = { keys: ApiKeyView[]; hasApiAccess: boolean; maxActiveKeys: number };
export type ApiActionPermissionList = { allowed: ApiActionGpt[]; candidates: ApiActionGpt[] };

export const apiKeyKeys = {
  list: ["me", "api-keys"] as const,
  actionPermissions: ["me", "api-action-permissions"] as const,
  actionPermissionSearch: (query: string) => [...apiKeyKeys.actionPermissions, { query }] as const,
};

export function useApiKeys() {
  return useQuery({
    queryKey: apiKeyKeys.list,
    queryFn: () => requestJson<ApiKeyList>("/api/me/api-keys", { method: "GET" }),
  });
}

/** Resolves with the secret (`key`), which no later request can return. */
export function useCreateApiKey() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: CreateApiKeyInput) =>
      requestJson<{ key: string; apiKey: ApiKeyView }>("/api/me/api-keys", {
        method: "POST",
        body: input,
      }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: apiKeyKeys.list }),
  });
}

export function useRevokeApiKey() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) =>
      requestJson<{ apiKey: ApiKeyView }>(`/api/me/api-keys/${encodeURIComponent(id)}`, {
        method: "DELETE",
      }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: apiKeyKeys.list }),
  });
}

export function useApiActionPermissions(query: string) {
  return useQuery({
    queryKey: apiKeyKeys.actionPermissionSearch(query),
    queryFn: () =>
      requestJson<ApiActionPermissionList>(
        `/api/me/api-action-permissions?q=${encodeURIComponent(query)}`,
        { method: "GET" },
      ),
    // Typing in the search keeps the last answer on screen instead of a skeleton per keystroke.
    placeholderData: keepPreviousData,
  });
}

export function useAllowApiActions() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (gptId: string) =>
      requestJson<{ gpt: ApiActionGpt }>("/api/me/api-action-permissions", {
        method: "POST",
        body: { gptId },
      }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: apiKeyKeys.actionPermissions }),
  });
}

export function useRemoveApiActions() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (gptId: string) =>
      requestJson<{ isRemoved: boolean }>(
        `/api/me/api-action-permissions/${encodeURIComponent(gptId)}`,
        { method: "DELETE" },
      ),
    onSettled: () => queryClient.invalidateQueries({ queryKey: apiKeyKeys.actionPermissions }),
  });
}
