"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { requestJson } from "../admin/api-client";
import type { BillingSettingsInput, BillingSettingsView } from "./billing-settings-schema";
import type { PlanInput, PublicPlan } from "./plan-schemas";

export const adminBillingKeys = {
  plans: ["admin", "billing", "plans"] as const,
  settings: ["admin", "billing", "settings"] as const,
};

/** Every plan (archived too), seeded with the server-rendered list. */
export function useAdminPlans(initialData: PublicPlan[]) {
  return useQuery({
    queryKey: adminBillingKeys.plans,
    queryFn: () =>
      requestJson<{ plans: PublicPlan[] }>("/api/admin/billing/plans", { method: "GET" }).then(
        (result) => result.plans,
      ),
    initialData,
  });
}

/** Creates (no id) or updates a plan; Stripe's Product and Prices follow on the server. */
export function useSavePlan() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, input }: { id?: string; input: PlanInput }) =>
      requestJson<{ plan: PublicPlan }>(
        id ? `/api/admin/billing/plans/${encodeURIComponent(id)}` : "/api/admin/billing/plans",
        { method: id ? "PUT" : "POST", body: input },
      ).then((result) => result.plan),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: adminBillingKeys.plans }),
  });
}

export function useSaveBillingSettings() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: BillingSettingsInput) =>
      requestJson<{ settings: BillingSettingsView }>("/api/admin/billing/settings", {
        method: "PUT",
        body: input,
      }).then((result) => result.settings),
    onSuccess: (settings) => queryClient.setQueryData(adminBillingKeys.settings, settings),
  });
}
