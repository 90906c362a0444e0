"use client";

import { BookOpen, Hourglass, type LucideIcon, Percent, ShieldAlert, Wallet } from "lucide-react";
import Link from "next/link";
import { useState } from "react";
import { integer, money } from "@/components/payouts/earnings-format";
import { Button } from "@/components/ui/button";
import { InlineRetryError } from "@/components/ui/inline-retry-error";
import { PageHeader } from "@/components/ui/page-header";
import { type AdminEarningsJson, useAdminEarnings } from "@/lib/payouts/admin-hooks";
import { HoldsSection } from "./holds-section";
import { MonthDialog } from "./month-dialog";
import { PayoutSettingsForm } from "./payout-settings-form";
import { PayoutsSection } from "./payouts-section";
import { PendingMonths } from "./pending-months";
import { PeriodsSection } from "./periods-section";

type Stat = { id: string; label: string; value: string; detail: string; icon: LucideIcon };

function statsOf(earnings: AdminEarningsJson): Stat[] {
  const openHolds = earnings.holds.filter((hold) => hold.status === "OPEN");
  const heldMicros = openHolds.reduce((sum, hold) => sum + BigInt(hold.amountMicros), 0n);
  return [
    {
      id: "owed",
      label: "Owed to creators",
      value: money(earnings.owedMicros),
      detail: "Positive balances, available or in holding",
      icon: Wallet,
    },
    {
      id: "owed-without-account",
      label: "Waiting for an account",
      value: money(earnings.owedWithoutAccountMicros),
      detail: "Owed to creators without a payout-ready Stripe account",
      icon: Hourglass,
    },
    {
      id: "open-holds",
      label: "Open holds",
      value: integer.format(openHolds.length),
      detail: `${money(heldMicros)} held or at stake`,
      icon: ShieldAlert,
    },
    {
      id: "share",
      label: "Creator share",
      value: `${earnings.settings.creatorSharePercent} %`,
      detail: `Payouts from $${earnings.settings.payoutThreshold}, ${earnings.settings.payoutHoldingDays} days after a month ends`,
      icon: Percent,
    },
  ];
}

/** Admin → Earnings: closing months, payouts, holds and the revenue share's rules. */
export function AdminEarningsView({ initial }: { initial: AdminEarningsJson }) {
  const query = useAdminEarnings(initial);
  const earnings = query.data;
  const [month, setMonth] = useState<string | null>(null);
  return (
    <div className="grid gap-10">
      <div className="grid gap-6">
        <PageHeader
          className="pb-0"
          title="Earnings"
          description="The creators' revenue pool: months to close, what was booked, payouts and holds."
          actions={
            <Button asChild variant="outline">
              <Link href="/docs/revenue-share">
                <BookOpen aria-hidden="true" />
                How earnings are calculated
              </Link>
            </Button>
          }
        />
        {query.isRefetchError ? (
          <InlineRetryError
            message={`We couldn't refresh the figures: ${query.error.message}`}
            onRetry={() => void query.refetch()}
          />
        ) : null}
        <dl className="grid grid-cols-2 gap-3 lg:grid-cols-4">
          {statsOf(earnings).map(({ id, label, value, detail, icon: Icon }) => (
            <div
              key={id}
              data-testid={`earnings-stat-${id}`}
              className="flex flex-col gap-1 rounded-xl border bg-card p-4 shadow-xs"
            >
              <dt className="flex items-center justify-between gap-2 text-sm text-muted-foreground">
                {label}
                <Icon aria-hidden="true" className="size-4 shrink-0" />
              </dt>
              <dd className="text-2xl font-semibold tracking-tight tabular-nums">{value}</dd>
              <dd className="text-xs text-muted-foreground">{detail}</dd>
            </div>
          ))}
        </dl>
      </div>
      <PendingMonths pending={earnings.pendingMonths} onPreview={setMonth} />
      <PeriodsSection periods={earnings.periods} onView={setMonth} />
      <HoldsSection holds={earnings.holds} />
      <PayoutsSection payouts={earnings.payouts} />
      <PayoutSettingsForm settings={earnings.settings} />
      <MonthDialog month={month} onClose={() => setMonth(null)} />
    </div>
  );
}
