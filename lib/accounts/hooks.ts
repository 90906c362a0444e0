"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { requestJson } from "../admin/api-client";
import type { AccountSecurity } from "./queries";

export const accountKeys = { security: ["me", "account"] as const };

export function useAccountSecurity() {
  return useQuery({
    queryKey: accountKeys.security,
    queryFn: () => requestJson<AccountSecurity>("/api/me/account", { method: "GET" }),
  });
}

export function useResendVerification() {
  return useMutation({
    mutationFn: () =>
      requestJson<{ email: string }>("/api/me/email/verification", { method: "POST" }),
  });
}

export function useChangePassword() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { currentPassword?: string; newPassword: string }) =>
      requestJson<{ otherSessionsSignedOut: number }>("/api/me/password", {
        method: "POST",
        body: input,
      }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: ["me"] }),
  });
}

export function useRequestEmailChange() {
  return useMutation({
    mutationFn: (input: { newEmail: string; currentPassword?: string }) =>
      requestJson<{ newEmail: string }>("/api/me/email", { method: "POST", body: input }),
  });
}
