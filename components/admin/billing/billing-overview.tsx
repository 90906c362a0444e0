"use client";

import {
  Download,
  type LucideIcon,
  ReceiptText,
  Repeat,
  ShieldAlert,
  TrendingDown,
  TrendingUp,
  Undo2,
  Users,
  Wallet,
  Zap,
} from "lucide-react";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import type { BillingOverviewJson } from "@/lib/billing/overview";
import { formatUsd, integer, monthLabel } from "./billing-format";
import { RevenueChart } from "./billing-revenue-chart";
import { MonthlyTable, PlansTable } from "./billing-tables";

export const BILLING_CSV_URL = "/api/admin/billing/overview?format=csv";

type Stat = { label: string; value: string; detail: string; icon: LucideIcon };

function statsOf(overview: BillingOverviewJson): Stat[] {
  const month = monthLabel(overview.month);
  const inMonth = `In ${month}`;
  return [
    {
      label: "MRR",
      value: formatUsd(overview.mrrMicros),
      detail: `${formatUsd(overview.subscriptionRevenueMicros)} invoiced this month`,
      icon: Repeat,
    },
    {
      label: "Active subscriptions",
      value: integer.format(overview.activeSubscriptions),
      detail: "Active, trialing or past due",
      icon: Users,
    },
    {
      label: "New subscriptions",
      value: integer.format(overview.newThisMonth),
      detail: inMonth,
      icon: TrendingUp,
    },
    {
      label: "Churned subscriptions",
      value: integer.format(overview.churnedThisMonth),
      detail: `Cancelled in ${month}`,
      icon: TrendingDown,
    },
    {
      label: "Credits sold",
      value: formatUsd(overview.creditsSoldMicros),
      detail: inMonth,
      icon: Wallet,
    },
    {
      label: "Credits spent",
      value: formatUsd(overview.creditsSpentMicros),
      detail: `On messages in ${month}`,
      icon: Zap,
    },
    {
      label: "Refunds",
      value: formatUsd(overview.refundsMicros),
      detail: inMonth,
      icon: Undo2,
    },
    {
      label: "Disputes",
      value: formatUsd(overview.disputesMicros),
      detail: `Net of disputes won, ${month}`,
      icon: ShieldAlert,
    },
  ];
}

function BillingStats({ overview }: { overview: BillingOverviewJson }) {
  return (
    <dl className="grid grid-cols-2 gap-3 sm:grid-cols-4">
      {statsOf(overview).map(({ label, value, detail, icon: Icon }) => (
        <div key={label} className="flex flex-col gap-1 rounded-xl border bg-card p-4 shadow-xs">
          <dt className="flex items-center justify-between gap-2 text-sm text-muted-foreground">
            {label}
            <Icon aria-hidden="true" className="size-4 shrink-0" />
          </dt>
          <dd className="text-2xl font-semibold tracking-tight tabular-nums">{value}</dd>
          <dd className="text-xs text-muted-foreground">{detail}</dd>
        </div>
      ))}
    </dl>
  );
}

export function BillingOverview({ overview }: { overview: BillingOverviewJson }) {
  const description = "Recurring revenue, subscriptions and money movements from the ledger.";
  if (!overview.hasBillingData) {
    return (
      <div className="grid gap-6">
        <PageHeader className="pb-0" title="Billing" description={description} />
        <EmptyState
          icon={ReceiptText}
          title="No billing data yet"
          description="Nobody has subscribed or bought credits on this instance yet. Figures appear here after the first payment through Stripe."
        />
      </div>
    );
  }
  return (
    <div className="grid gap-10">
      <div className="grid gap-6">
        <PageHeader
          className="pb-0"
          title="Billing"
          description={description}
          actions={
            <Button asChild variant="outline">
              <a href={BILLING_CSV_URL} download>
                <Download aria-hidden="true" />
                Download CSV
              </a>
            </Button>
          }
        />
        <section aria-labelledby="billing-month-heading" className="grid gap-3">
          <div className="grid gap-1">
            <h2 id="billing-month-heading" className="text-lg font-semibold tracking-tight">
              {monthLabel(overview.month)}
            </h2>
            <p className="text-sm text-muted-foreground">
              This UTC month so far. Stripe fees: {formatUsd(overview.stripeFeesMicros)}.
            </p>
          </div>
          <BillingStats overview={overview} />
        </section>
      </div>

      <div className="grid gap-6 xl:grid-cols-5">
        <Card className="min-w-0 xl:col-span-3">
          <CardHeader>
            <CardTitle as="h2">Revenue by month</CardTitle>
            <CardDescription>
              Subscriptions and credits sold, next to refunds and disputes. The same figures are in
              the table below.
            </CardDescription>
          </CardHeader>
          <CardContent className="px-2 sm:px-6">
            <RevenueChart monthly={overview.monthly} />
          </CardContent>
        </Card>
        <section
          aria-labelledby="billing-plans-heading"
          className="grid min-w-0 content-start gap-3 xl:col-span-2"
        >
          <h2 id="billing-plans-heading" className="text-lg font-semibold tracking-tight">
            Subscriptions by plan
          </h2>
          {overview.byPlan.length === 0 ? (
            <p className="text-sm text-muted-foreground">No paid plan is on offer.</p>
          ) : (
            <PlansTable plans={overview.byPlan} mrrMicros={overview.mrrMicros} />
          )}
        </section>
      </div>

      <section aria-labelledby="billing-monthly-heading" className="grid gap-3">
        <h2 id="billing-monthly-heading" className="text-lg font-semibold tracking-tight">
          Monthly figures
        </h2>
        <MonthlyTable monthly={overview.monthly} />
      </section>
    </div>
  );
}
