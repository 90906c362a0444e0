"use client";

import { Check } from "lucide-react";
import { useState } from "react";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import type { BillingAccount } from "@/lib/billing/account";
import { useOpenPortal, useStartCheckout } from "@/lib/billing/hooks";
import type { PublicPlan } from "@/lib/billing/plan-schemas";
import { cn } from "@/lib/utils/cn";

const dollars = (cents: number) =>
  `$${(cents / 100).toLocaleString("en-US", { minimumFractionDigits: cents % 100 ? 2 : 0 })}`;

/** "1 message", "1,000 messages"; 0 reads as `none`. */
const count = (value: number, one: string, many: string, none: string) =>
  value === 0 ? none : `${value.toLocaleString("en-US")} ${value === 1 ? one : many}`;

function featuresOf(plan: PublicPlan): string[] {
  return [
    `${count(plan.dailyMessages, "message", "messages", "Unlimited messages")} a day`,
    ...(plan.monthlyMessages > 0
      ? [`${count(plan.monthlyMessages, "message", "messages", "")} a month`]
      : []),
    plan.allowsPremiumModels ? "Premium models" : "Standard models",
    count(plan.maxPublicGpts, "public GPT", "public GPTs", "No public GPTs"),
    `${plan.knowledgeMaxMb.toLocaleString("en-US")} MB of knowledge files`,
    ...(plan.hasApiAccess ? ["API access"] : []),
  ];
}

/**
 * The plans on offer side by side. On Free, a paid plan goes through Checkout; a subscriber
 * changes or cancels in Stripe's portal (which prorates and keeps one subscription).
 */
export function PlanPicker({ account }: { account: BillingAccount }) {
  const hasYearly = account.plans.some((plan) => plan.yearlyPriceCents !== null);
  const [interval, setInterval] = useState<"month" | "year">("month");
  const checkout = useStartCheckout();
  const portal = useOpenPortal();
  const isSubscribed = account.subscription !== null;
  return (
    <section aria-labelledby="plans-heading" className="grid gap-4">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <div className="grid gap-1">
          <h2 id="plans-heading" className="text-lg font-semibold">
            Plans
          </h2>
          <p className="text-sm text-muted-foreground">
            {isSubscribed
              ? "Switch plans or cancel in the billing portal; changes are prorated."
              : "Upgrade for more messages and premium models. Cancel any time."}
          </p>
        </div>
        {hasYearly ? (
          <fieldset className="inline-flex rounded-lg border p-0.5 text-sm">
            <legend className="sr-only">Billing period</legend>
            {(["month", "year"] as const).map((value) => (
              <label
                key={value}
                className={cn(
                  "cursor-pointer rounded-md px-3 py-1.5 font-medium has-focus-visible:ring-2 has-focus-visible:ring-ring",
                  interval === value ? "bg-secondary text-foreground" : "text-muted-foreground",
                )}
              >
                <input
                  type="radio"
                  name="interval"
                  value={value}
                  checked={interval === value}
                  onChange={() => setInterval(value)}
                  className="sr-only"
                />
                {value === "month" ? "Monthly" : "Yearly"}
              </label>
            ))}
          </fieldset>
        ) : null}
      </div>
      <ul className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
        {account.plans.map((plan) => {
          const isCurrent = plan.id === account.plan.id;
          const price =
            interval === "year" && plan.yearlyPriceCents !== null
              ? { amount: plan.yearlyPriceCents, per: "year" }
              : { amount: plan.monthlyPriceCents, per: "month" };
          const isPending =
            checkout.isPending &&
            checkout.variables !== undefined &&
            "planId" in checkout.variables &&
            checkout.variables.planId === plan.id;
          return (
            <li
              key={plan.id}
              className={cn(
                "flex flex-col gap-4 rounded-xl border bg-card p-5",
                isCurrent && "border-primary ring-1 ring-primary",
              )}
              data-testid={`plan-${plan.name}`}
            >
              <div className="grid gap-1">
                <div className="flex items-center justify-between gap-2">
                  <h3 className="font-semibold">{plan.name}</h3>
                  {isCurrent ? <Badge variant="secondary">Current plan</Badge> : null}
                </div>
                <p className="text-2xl font-semibold tabular-nums">
                  {plan.isFree ? "Free" : dollars(price.amount)}
                  {plan.isFree ? null : (
                    <span className="text-sm font-normal text-muted-foreground">
                      {" "}
                      / {price.per}
                    </span>
                  )}
                </p>
                {plan.description ? (
                  <p className="text-sm text-muted-foreground">{plan.description}</p>
                ) : null}
              </div>
              <ul className="grid gap-1.5 text-sm">
                {featuresOf(plan).map((feature) => (
                  <li key={feature} className="flex gap-2">
                    <Check aria-hidden className="mt-0.5 size-4 shrink-0 text-success" />
                    {feature}
                  </li>
                ))}
              </ul>
              <div className="mt-auto">
                {isCurrent || plan.isFree ? null : isSubscribed ? (
                  <Button
                    variant="outline"
                    className="w-full"
                    disabled={portal.isPending}
                    onClick={() => portal.mutate()}
                  >
                    Switch in billing portal
                  </Button>
                ) : (
                  <Button
                    className="w-full"
                    disabled={
                      checkout.isPending || (interval === "year" && plan.yearlyPriceCents === null)
                    }
                    onClick={() => checkout.mutate({ planId: plan.id, interval })}
                  >
                    {isPending ? "Opening checkout…" : `Upgrade to ${plan.name}`}
                  </Button>
                )}
              </div>
            </li>
          );
        })}
      </ul>
      {checkout.error || portal.error ? (
        <p role="alert" className="text-sm text-destructive">
          {(checkout.error ?? portal.error)?.message}
        </p>
      ) : null}
    </section>
  );
}
