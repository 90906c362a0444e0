"use client";

import { ExternalLink } from "lucide-react";
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useEffect, useRef } from "react";
import { Alert, AlertDescription, AlertTitle } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import type { BillingAccount } from "@/lib/billing/account";
import { useBillingAccount, useConfirmCheckout, useOpenPortal } from "@/lib/billing/hooks";
import { CreditsCard } from "./credits-card";
import { PlanPicker } from "./plan-picker";
import { UsageMeter } from "./usage-meter";

const longDate = new Intl.DateTimeFormat("en-US", {
  month: "long",
  day: "numeric",
  year: "numeric",
  timeZone: "UTC",
});

const STATUS_BADGES: Record<
  string,
  { label: string; variant: "success" | "warning" | "secondary" }
> = {
  ACTIVE: { label: "Active", variant: "success" },
  TRIALING: { label: "Trial", variant: "success" },
  PAST_DUE: { label: "Payment failed", variant: "warning" },
};

/** Settings → Plan & billing: the plan and its renewal, what is used of it, credits, other plans. */
export function BillingSettings({ initialAccount }: { initialAccount: BillingAccount }) {
  const { data: account } = useBillingAccount(initialAccount);
  const portal = useOpenPortal();
  const { plan, subscription, usage } = account;
  const status = subscription ? STATUS_BADGES[subscription.status] : null;
  return (
    <div className="grid gap-8">
      <PageHeader
        title="Plan & billing"
        description="Your plan, what you've used of it, and your credits."
        actions={
          account.hasBillingHistory ? (
            <Button variant="outline" disabled={portal.isPending} onClick={() => portal.mutate()}>
              <ExternalLink aria-hidden className="size-4" />
              {portal.isPending ? "Opening…" : "Manage billing"}
            </Button>
          ) : null
        }
      />
      <CheckoutReturn />
      {portal.error ? (
        <p role="alert" className="text-sm text-destructive">
          {portal.error.message}
        </p>
      ) : null}
      {subscription?.status === "PAST_DUE" && subscription.graceEndsAt ? (
        <Alert variant="warning" data-testid="past-due-alert">
          <AlertTitle>Your last payment failed</AlertTitle>
          <AlertDescription>
            <p>
              You keep {plan.name} until {longDate.format(new Date(subscription.graceEndsAt))}.
              Update your payment method in "Manage billing" and Stripe retries the charge; after
              that date your account moves to the Free plan.
            </p>
          </AlertDescription>
        </Alert>
      ) : null}
      <div className="grid gap-6 lg:grid-cols-2">
        <Card aria-labelledby="current-plan-heading">
          <CardHeader>
            <div className="flex flex-wrap items-center gap-2">
              <CardTitle as="h2" id="current-plan-heading">
                <span className="text-muted-foreground">Current plan:</span>{" "}
                <span data-testid="current-plan">{plan.name}</span>
              </CardTitle>
              {status ? <Badge variant={status.variant}>{status.label}</Badge> : null}
            </div>
            <CardDescription>
              {subscription
                ? subscription.cancelAtPeriodEnd
                  ? `Canceled: ${plan.name} ends on ${longDate.format(new Date(subscription.currentPeriodEnd))}, then you're on Free.`
                  : `Renews ${subscription.interval === "YEAR" ? "yearly" : "monthly"} on ${longDate.format(new Date(subscription.currentPeriodEnd))}.`
                : "No subscription."}
            </CardDescription>
          </CardHeader>
          <CardContent className="grid gap-5">
            <UsageMeter
              label="Messages today"
              used={usage.today}
              allowance={usage.dailyAllowance}
              resetsLabel="Resets at midnight UTC."
            />
            <UsageMeter
              label="Messages this month"
              used={usage.thisMonth}
              allowance={usage.monthlyAllowance}
              resetsLabel={`Resets on ${longDate.format(new Date(usage.monthResetsAt))}.`}
            />
          </CardContent>
        </Card>
        <CreditsCard account={account} />
      </div>
      <PlanPicker account={account} />
    </div>
  );
}

/**
 * Back from Checkout (?checkout=success&session=cs_…): confirms the session with the server, which
 * applies it at once, and says what happened; then tidies the address bar.
 */
function CheckoutReturn() {
  const searchParams = useSearchParams();
  const router = useRouter();
  const pathname = usePathname();
  const outcome = searchParams.get("checkout");
  const sessionId = searchParams.get("session");
  const confirm = useConfirmCheckout();
  const started = useRef(false);
  useEffect(() => {
    if (outcome !== "success" || !sessionId || started.current) return;
    started.current = true;
    confirm.mutate(sessionId, { onSettled: () => router.replace(pathname, { scroll: false }) });
  }, [outcome, sessionId, confirm, router, pathname]);

  if (outcome === "canceled") {
    return (
      <Alert variant="info">
        <AlertDescription>
          <p>Checkout was canceled. Nothing was charged.</p>
        </AlertDescription>
      </Alert>
    );
  }
  if (confirm.isPending) {
    return (
      <Alert variant="info" role="status">
        <AlertDescription>
          <p>Confirming your payment…</p>
        </AlertDescription>
      </Alert>
    );
  }
  if (confirm.data?.status === "complete") {
    return (
      <Alert variant="success" role="status" data-testid="checkout-confirmed">
        <AlertDescription>
          <p>
            {confirm.data.kind === "plan"
              ? "Payment received. Your new plan is active now."
              : "Payment received. Your credits are ready to use."}
          </p>
        </AlertDescription>
      </Alert>
    );
  }
  if (confirm.data || confirm.error) {
    return (
      <Alert variant="warning" role="status">
        <AlertDescription>
          <p>
            {confirm.error?.message ??
              "Stripe hasn't confirmed this payment yet. It shows here as soon as it does."}
          </p>
        </AlertDescription>
      </Alert>
    );
  }
  return null;
}
