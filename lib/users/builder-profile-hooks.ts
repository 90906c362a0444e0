"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { requestJson } from "../gpts/api-client";
import type { BuilderProfileInput, BuilderProfilePayload } from "./builder-profile-schema";

export const builderProfileKeys = { mine: ["me", "builder-profile"] as const };

/** The signed-in creator's profile (null until they set a display name). */
export function useBuilderProfile({ isEnabled = true } = {}) {
  return useQuery({
    queryKey: builderProfileKeys.mine,
    queryFn: () => requestJson<BuilderProfilePayload>("/api/me/builder-profile", { method: "GET" }),
    enabled: isEnabled,
  });
}

export function useUpdateBuilderProfile() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationKey: [...builderProfileKeys.mine, "update"],
    mutationFn: (input: BuilderProfileInput) =>
      requestJson<{ profile: { displayName: string } }>("/api/me/builder-profile", {
        method: "PUT",
        body: JSON.stringify(input),
      }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: builderProfileKeys.mine }),
  });
}
