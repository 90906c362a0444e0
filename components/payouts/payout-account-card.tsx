"use client";

import { Landmark } from "lucide-react";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { type CreatorEarningsJson, useStartPayoutOnboarding } from "@/lib/payouts/hooks";
import { money } from "./earnings-format";

type Status = CreatorEarningsJson["payoutAccount"]["status"];

const STATUS: Record<
  Status,
  { badge: string; variant: "success" | "warning" | "destructive" | "secondary"; text: string }
> = {
  none: {
    badge: "Not set up",
    variant: "secondary",
    text: "Connect a Stripe account to receive your earnings. Until you do, they accrue here: nothing is lost, it waits for you.",
  },
  incomplete: {
    badge: "Incomplete",
    variant: "warning",
    text: "You started setting up payouts, but Stripe still needs a few details. Your earnings accrue here meanwhile.",
  },
  restricted: {
    badge: "Restricted",
    variant: "destructive",
    text: "Stripe can't pay you yet: it is verifying your details or needs more information. Your earnings accrue here meanwhile.",
  },
  active: {
    badge: "Active",
    variant: "success",
    text: "Payouts are on.",
  },
};

/** Stripe's requirement names (individual.address.city…) as the groups a person recognises. */
const REQUIREMENT_GROUPS: [prefix: string, label: string][] = [
  ["individual.verification", "An identity document"],
  ["individual.", "Your personal details"],
  ["representative.", "The representative's details"],
  ["company.", "Your company's details"],
  ["business_profile.", "What you do and your website"],
  ["business_type", "Whether you are an individual or a company"],
  ["external_account", "A bank account to pay you"],
  ["tos_acceptance.", "Accepting Stripe's terms"],
];

export function requirementLabels(names: string[]): string[] {
  const labels = names.map(
    (name) =>
      REQUIREMENT_GROUPS.find(([prefix]) => name.startsWith(prefix))?.[1] ??
      name.replaceAll(/[._]/g, " "),
  );
  return [...new Set(labels)];
}

/** The creator's Stripe Connect account: its state, what Stripe still needs, and the way there. */
export function PayoutAccountCard({ earnings }: { earnings: CreatorEarningsJson }) {
  const { status, requirementsDue } = earnings.payoutAccount;
  const onboarding = useStartPayoutOnboarding();
  const state = STATUS[status];
  const due = requirementLabels(requirementsDue);
  return (
    <Card aria-labelledby="payout-account-heading" data-testid="payout-account">
      <CardHeader>
        <div className="flex flex-wrap items-center gap-2">
          <CardTitle as="h2" id="payout-account-heading" className="flex items-center gap-2">
            <Landmark aria-hidden className="size-4 text-muted-foreground" />
            Payout account
          </CardTitle>
          <Badge variant={state.variant} data-testid="payout-account-status">
            {state.badge}
          </Badge>
        </div>
        <CardDescription>
          {state.text}
          {status === "active"
            ? ` Your available balance is transferred to your Stripe account once it reaches ${money(earnings.rules.thresholdMicros)}; Stripe then pays it to your bank.`
            : null}
        </CardDescription>
      </CardHeader>
      <CardContent className="grid gap-4">
        {due.length > 0 && status !== "active" ? (
          <div className="grid gap-1.5">
            <p className="text-sm font-medium">Stripe still needs</p>
            <ul className="list-disc pl-5 text-sm text-muted-foreground">
              {due.map((label) => (
                <li key={label}>{label}</li>
              ))}
            </ul>
          </div>
        ) : null}
        {status === "active" ? null : (
          <div>
            <Button isLoading={onboarding.isPending} onClick={() => onboarding.mutate()}>
              {status === "none" ? "Set up payouts" : "Finish setting up"}
            </Button>
          </div>
        )}
        {onboarding.error ? (
          <p role="alert" className="text-sm text-destructive">
            {onboarding.error.message}
          </p>
        ) : null}
      </CardContent>
    </Card>
  );
}
