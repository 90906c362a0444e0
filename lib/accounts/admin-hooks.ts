"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { requestJson } from "../admin/api-client";
import type { InvitationView } from "./invitations";
import type { SignUpPolicy, SignUpRules } from "./sign-up-policy";

export const signUpKeys = {
  rules: ["admin", "sign-up-rules"] as const,
  invitations: ["admin", "invitations"] as const,
};

export function useSignUpRules() {
  return useQuery({
    queryKey: signUpKeys.rules,
    queryFn: () => requestJson<SignUpRules>("/api/admin/sign-ups", { method: "GET" }),
  });
}

export function useSaveSignUpRules() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { policy: SignUpPolicy; allowedDomains: string[] }) =>
      requestJson<SignUpRules>("/api/admin/sign-ups", { method: "PUT", body: input }),
    onSuccess: (rules) => queryClient.setQueryData(signUpKeys.rules, rules),
  });
}

export function useInvitations() {
  return useQuery({
    queryKey: signUpKeys.invitations,
    queryFn: async () =>
      (
        await requestJson<{ invitations: InvitationView[] }>("/api/admin/invitations", {
          method: "GET",
        })
      ).invitations,
  });
}

export function useInvite() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (email: string) =>
      requestJson<InvitationView>("/api/admin/invitations", { method: "POST", body: { email } }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: signUpKeys.invitations }),
  });
}

export function useWithdrawInvitation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) =>
      requestJson(`/api/admin/invitations/${encodeURIComponent(id)}`, { method: "DELETE" }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: signUpKeys.invitations }),
  });
}
