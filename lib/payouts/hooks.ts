"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { requestJson } from "../admin/api-client";
import type { Jsonified } from "../utils/jsonify";
import type { CreatorEarnings, StatementDetail } from "./creator-earnings";

export type CreatorEarningsJson = Jsonified<CreatorEarnings>;
export type StatementDetailJson = Jsonified<StatementDetail>;

export const earningsKeys = {
  all: ["payouts", "earnings"] as const,
  statement: (month: string) => ["payouts", "earnings", "statement", month] as const,
};

/** The statement's lines as a CSV download (the route sets Content-Disposition). */
export const statementCsvUrl = (month: string) =>
  `/api/creator/earnings/statements/${encodeURIComponent(month)}?format=csv`;

/** The creator's balances, statements, payouts, payout account and holds. */
export function useCreatorEarnings(initialData: CreatorEarningsJson) {
  return useQuery({
    queryKey: earningsKeys.all,
    queryFn: () => requestJson<CreatorEarningsJson>("/api/creator/earnings", { method: "GET" }),
    initialData,
  });
}

/** One closed month's statement, line by line, seeded with the server-rendered one. */
export function useCreatorStatement(month: string, initialData: StatementDetailJson) {
  return useQuery({
    queryKey: earningsKeys.statement(month),
    queryFn: () =>
      requestJson<StatementDetailJson>(
        `/api/creator/earnings/statements/${encodeURIComponent(month)}`,
        { method: "GET" },
      ),
    initialData,
  });
}

/** Starts (or resumes) Stripe's hosted Connect onboarding and goes there. */
export function useStartPayoutOnboarding() {
  return useMutation({
    mutationFn: () =>
      requestJson<{ url: string }>("/api/creator/payout-account/onboarding", { method: "POST" }),
    onSuccess: ({ url }) => window.location.assign(url),
  });
}

/** Back from onboarding: re-reads the connected account from Stripe, then the page's figures. */
export function useRefreshPayoutAccount() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () =>
      requestJson<{ hasAccount: boolean; payoutsEnabled: boolean }>(
        "/api/creator/payout-account/refresh",
        { method: "POST" },
      ),
    onSettled: () => queryClient.invalidateQueries({ queryKey: earningsKeys.all }),
  });
}
