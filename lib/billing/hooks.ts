"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { requestJson } from "../admin/api-client";
import type { BillingAccount } from "./account";

export const billingKeys = {
  account: ["billing", "account"] as const,
};

/** The user's plan, usage and credits, seeded with the server-rendered account. */
export function useBillingAccount(initialData: BillingAccount) {
  return useQuery({
    queryKey: billingKeys.account,
    queryFn: () => requestJson<BillingAccount>("/api/billing/account", { method: "GET" }),
    initialData,
  });
}

/** Starts Checkout for a plan or a credit pack and goes there. */
export function useStartCheckout() {
  return useMutation({
    mutationFn: (input: { planId: string; interval: "month" | "year" } | { packCents: number }) =>
      requestJson<{ url: string }>("/api/billing/checkout", { method: "POST", body: input }),
    onSuccess: ({ url }) => window.location.assign(url),
  });
}

/** Opens Stripe's Customer Portal (change plan, cancel, payment methods, invoices). */
export function useOpenPortal() {
  return useMutation({
    mutationFn: () => requestJson<{ url: string }>("/api/billing/portal", { method: "POST" }),
    onSuccess: ({ url }) => window.location.assign(url),
  });
}

/** Back from Checkout: applies the completed session now, then shows the new plan or credits. */
export function useConfirmCheckout() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (sessionId: string) =>
      requestJson<{ status: "complete" | "open" | "expired"; kind: "plan" | "credits" }>(
        "/api/billing/checkout/confirm",
        { method: "POST", body: { sessionId } },
      ),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: billingKeys.account }),
  });
}
