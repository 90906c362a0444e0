"use client";

import { BookOpen, Coins } from "lucide-react";
import Link from "next/link";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { InlineRetryError } from "@/components/ui/inline-retry-error";
import { PageHeader } from "@/components/ui/page-header";
import { type CreatorEarningsJson, useCreatorEarnings } from "@/lib/payouts/hooks";
import { BalanceCards, ThisMonthCard } from "./balance-cards";
import { HoldsNotice } from "./holds-notice";
import { MonthsSection } from "./months-section";
import { OnboardingReturn } from "./onboarding-return";
import { PayoutAccountCard } from "./payout-account-card";
import { PayoutsTable } from "./payouts-table";

export const REVENUE_SHARE_DOC = "/docs/revenue-share";

/** Nothing earned, nothing paid, nothing held, and no activity this month yet. */
function isNew(earnings: CreatorEarningsJson): boolean {
  return (
    earnings.statements.length === 0 &&
    earnings.payouts.length === 0 &&
    earnings.holds.length === 0 &&
    BigInt(earnings.balanceMicros) === 0n &&
    earnings.thisMonth.engagedAnswers === 0
  );
}

/** Creator → Earnings: balances, this month's estimate, payout account, holds, months, payouts. */
export function EarningsView({ initial }: { initial: CreatorEarningsJson }) {
  const query = useCreatorEarnings(initial);
  const earnings = query.data;
  return (
    <div className="grid gap-8">
      <PageHeader
        className="pb-0"
        title="Earnings"
        description={`Your ${earnings.rules.sharePercent} % share of what paying users spend on your GPTs: balances, monthly statements and payouts.`}
        actions={
          <Button asChild variant="outline">
            <Link href={REVENUE_SHARE_DOC}>
              <BookOpen aria-hidden="true" />
              How earnings are calculated
            </Link>
          </Button>
        }
      />
      <OnboardingReturn />
      {query.isRefetchError ? (
        <InlineRetryError
          message={`We couldn't refresh your earnings: ${query.error.message}`}
          onRetry={() => void query.refetch()}
        />
      ) : null}
      {isNew(earnings) ? (
        <>
          <EmptyState
            icon={Coins}
            title="No earnings yet"
            description={
              <>
                When people on a paid plan or with credits chat with your published GPTs, you earn a
                share of what they pay. Each month closes a few days after it ends; its statement
                and your earnings show up here then. Set up payouts now or later: earnings accrue
                until you do.
              </>
            }
          />
          <PayoutAccountCard earnings={earnings} />
        </>
      ) : (
        <>
          <BalanceCards earnings={earnings} />
          <div className="grid gap-6 lg:grid-cols-2">
            <ThisMonthCard earnings={earnings} />
            <PayoutAccountCard earnings={earnings} />
          </div>
          <HoldsNotice holds={earnings.holds} />
          {earnings.statements.length > 0 ? (
            <MonthsSection earnings={earnings} />
          ) : (
            <p className="rounded-xl border border-dashed px-4 py-6 text-center text-sm text-muted-foreground">
              No closed month yet. Your first statement appears here when this month closes.
            </p>
          )}
          <PayoutsTable payouts={earnings.payouts} />
        </>
      )}
    </div>
  );
}
