"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { requestJson } from "../admin/api-client";
import type { Jsonified } from "../utils/jsonify";
import type { AdminEarnings, MonthView } from "./admin-earnings";
import type { CloseResult } from "./close-month";
import type { PayoutRunSummary } from "./pay-out";
import type { PayoutSettingsInput, PayoutSettingsView } from "./payout-settings-schema";
import type { HoldDecision } from "./resolve-hold";

export type AdminEarningsJson = Jsonified<AdminEarnings>;
export type MonthViewJson = Jsonified<MonthView>;

export const adminEarningsKeys = {
  all: ["admin", "earnings"] as const,
  overview: ["admin", "earnings", "overview"] as const,
  month: (month: string) => ["admin", "earnings", "month", month] as const,
};

/** Closed and pending months, payouts, holds, what is owed and the settings. */
export function useAdminEarnings(initialData: AdminEarningsJson) {
  return useQuery({
    queryKey: adminEarningsKeys.overview,
    queryFn: () => requestJson<AdminEarningsJson>("/api/admin/earnings", { method: "GET" }),
    initialData,
  });
}

/** A closed month as booked, or an open one as closing it now would book it (null: none asked). */
export function useAdminMonth(month: string | null) {
  return useQuery({
    queryKey: adminEarningsKeys.month(month ?? ""),
    queryFn: () =>
      requestJson<MonthViewJson>(`/api/admin/earnings/months/${encodeURIComponent(month ?? "")}`, {
        method: "GET",
      }),
    enabled: month !== null,
  });
}

/** Closes a month now (and any earlier month still open), then reloads everything. */
export function useCloseMonth() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (month: string) =>
      requestJson<{ results: CloseResult[] }>("/api/admin/earnings/close", {
        method: "POST",
        body: { month },
      }).then((result) => result.results),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: adminEarningsKeys.all }),
  });
}

/** Runs the payout job now. */
export function useRunPayouts() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () =>
      requestJson<{ summary: PayoutRunSummary }>("/api/admin/earnings/payouts", {
        method: "POST",
      }).then((result) => result.summary),
    onSettled: () => queryClient.invalidateQueries({ queryKey: adminEarningsKeys.all }),
  });
}

/** Releases or voids a hold, once. */
export function useResolveHold() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, decision, note }: { id: string; decision: HoldDecision; note?: string }) =>
      requestJson<{ hold: unknown }>(`/api/admin/earnings/holds/${encodeURIComponent(id)}`, {
        method: "POST",
        body: { decision, ...(note ? { note } : {}) },
      }),
    // A hold another admin decided meanwhile (409) is stale here too: reload either way.
    onSettled: () => queryClient.invalidateQueries({ queryKey: adminEarningsKeys.all }),
  });
}

export function useSavePayoutSettings() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: PayoutSettingsInput) =>
      requestJson<{ settings: PayoutSettingsView }>("/api/admin/earnings/settings", {
        method: "PUT",
        body: input,
      }).then((result) => result.settings),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: adminEarningsKeys.overview }),
  });
}
