"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { requestJson, uploadFileRequest } from "../gpts/api-client";
import { builderProfileKeys } from "./builder-profile-hooks";
import type { DomainVerificationResult } from "./domain/domain-rules";
import type { DomainState, MyProfile, ProfileSettingsInput } from "./profile-schema";

export const profileKeys = { mine: ["me", "profile"] as const };

export function useMyProfile({ initialData }: { initialData?: MyProfile } = {}) {
  return useQuery({
    queryKey: profileKeys.mine,
    queryFn: () => requestJson<MyProfile>("/api/me/profile", { method: "GET" }),
    initialData,
  });
}

/** Everything that shows the profile (publish dialog's name check too) reads it again. */
function useRefreshProfile() {
  const queryClient = useQueryClient();
  return () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: profileKeys.mine }),
      queryClient.invalidateQueries({ queryKey: builderProfileKeys.mine }),
    ]);
}

export function useSaveProfile() {
  const queryClient = useQueryClient();
  const refresh = useRefreshProfile();
  return useMutation({
    mutationFn: (input: ProfileSettingsInput) =>
      requestJson<MyProfile>("/api/me/profile", { method: "PUT", body: JSON.stringify(input) }),
    onSuccess: (profile) => {
      queryClient.setQueryData(profileKeys.mine, profile);
      return refresh();
    },
  });
}

export function useUploadProfileAvatar() {
  const refresh = useRefreshProfile();
  return useMutation({
    mutationFn: ({ file, onProgress }: { file: File; onProgress?: (fraction: number) => void }) =>
      uploadFileRequest<{ avatarUrl: string | null }>({
        url: "/api/me/profile/avatar",
        file,
        onProgress,
        failureMessage: "The picture could not be uploaded. Please try again.",
      }),
    onSuccess: refresh,
  });
}

export function useRemoveProfileAvatar() {
  const refresh = useRefreshProfile();
  return useMutation({
    mutationFn: () => requestJson<{ ok: true }>("/api/me/profile/avatar", { method: "DELETE" }),
    onSuccess: refresh,
  });
}

function useSetDomainState() {
  const queryClient = useQueryClient();
  return (domain: DomainState) =>
    queryClient.setQueryData<MyProfile>(profileKeys.mine, (profile) =>
      profile ? { ...profile, domain } : profile,
    );
}

export function useStartDomainVerification() {
  const setDomain = useSetDomainState();
  return useMutation({
    mutationFn: (domain: string) =>
      requestJson<DomainState>("/api/me/profile/domain", {
        method: "POST",
        body: JSON.stringify({ domain }),
      }),
    onSuccess: setDomain,
  });
}

export function useVerifyDomain() {
  const setDomain = useSetDomainState();
  return useMutation({
    mutationFn: () =>
      requestJson<DomainVerificationResult & { domain: DomainState }>(
        "/api/me/profile/domain/verify",
        { method: "POST" },
      ),
    onSuccess: (result) => setDomain(result.domain),
  });
}

export function useRemoveDomainVerification() {
  const setDomain = useSetDomainState();
  return useMutation({
    mutationFn: () => requestJson<DomainState>("/api/me/profile/domain", { method: "DELETE" }),
    onSuccess: setDomain,
  });
}
