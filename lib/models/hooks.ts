"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { requestJson } from "../admin/api-client";
import type { ModelKind, PublicModelConfig } from "./schemas";

export const modelKeys = {
  all: ["admin", "models"] as const,
};

/** The admin catalog, seeded with the server-rendered list and refetched after each change. */
export function useAdminModels(initialData: PublicModelConfig[]) {
  return useQuery({
    queryKey: modelKeys.all,
    queryFn: () =>
      requestJson<{ models: PublicModelConfig[] }>("/api/admin/models", { method: "GET" }).then(
        (result) => result.models,
      ),
    initialData,
  });
}

/** The admin form's payload: strings straight from inputs; the server coerces and validates. */
export type ModelFormPayload = {
  displayName?: string;
  baseUrl?: string;
  modelId?: string;
  /** Omitted or "" keeps the stored key; null removes it. */
  apiKey?: string | null;
  inputPricePerMillion?: string | number;
  outputPricePerMillion?: string | number;
  contextWindow?: string | number;
  isDefault?: boolean;
  isEnabled?: boolean;
  kind?: ModelKind;
  /** A private-network endpoint: its requests skip the egress guard. */
  isEgressExempt?: boolean;
  isPremium?: boolean;
};

// Returning the invalidation keeps the mutation pending until the list is fresh: a toggled switch
// never flips back for a moment, and default flags moved to other models show at once.
export function useCreateModel() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: ModelFormPayload) =>
      requestJson<{ model: PublicModelConfig }>("/api/admin/models", {
        method: "POST",
        body: input,
      }).then((result) => result.model),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: modelKeys.all }),
  });
}

export function useUpdateModel() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, input }: { id: string; input: ModelFormPayload }) =>
      requestJson<{ model: PublicModelConfig }>(`/api/admin/models/${encodeURIComponent(id)}`, {
        method: "PATCH",
        body: input,
      }).then((result) => result.model),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: modelKeys.all }),
  });
}
