"use client";

import { Send } from "lucide-react";
import { money, PAYOUT_STATUS, shortDate } from "@/components/payouts/earnings-format";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { type AdminEarningsJson, useRunPayouts } from "@/lib/payouts/admin-hooks";
import type { PayoutRunSummary } from "@/lib/payouts/pay-out";
import { TableHead, TableScroller, tdClasses } from "../table-scroller";

function summaryText(summary: PayoutRunSummary): string {
  const parts = [
    `${summary.paid} paid`,
    `${summary.failed} failed`,
    `${summary.stillPending} still pending`,
  ];
  const reconciled =
    summary.reconciled > 0
      ? ` ${summary.reconciled} of them settled payouts an earlier run had left pending.`
      : "";
  const nothing =
    summary.paid + summary.failed + summary.stillPending === 0
      ? " Nobody had an available balance above the threshold with a payout-ready account."
      : "";
  return `Payouts run: ${parts.join(", ")}.${reconciled}${nothing}`;
}

/** Transfers to creators, newest first, and the button that runs the payout job now. */
export function PayoutsSection({ payouts }: { payouts: AdminEarningsJson["payouts"] }) {
  const run = useRunPayouts();
  return (
    <section aria-labelledby="admin-payouts-heading" className="grid gap-4">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <div className="grid gap-1">
          <h2 id="admin-payouts-heading" className="text-lg font-semibold tracking-tight">
            Payouts
          </h2>
          <p className="text-sm text-muted-foreground">
            The daily job pays each creator's available balance once it reaches the threshold, and
            settles transfers an earlier run left pending. Each payout reaches Stripe at most once.
          </p>
        </div>
        <Button isLoading={run.isPending} onClick={() => run.mutate()}>
          {run.isPending ? null : <Send aria-hidden="true" />}
          Run payouts now
        </Button>
      </div>
      {run.data ? (
        <Alert variant="success" role="status" data-testid="payout-summary">
          <AlertDescription>
            <p>{summaryText(run.data)}</p>
          </AlertDescription>
        </Alert>
      ) : null}
      {run.error ? (
        <p role="alert" className="text-sm text-destructive">
          {run.error.message}
        </p>
      ) : null}
      {payouts.length === 0 ? (
        <p className="rounded-xl border border-dashed px-4 py-6 text-center text-sm text-muted-foreground">
          No payouts yet.
        </p>
      ) : (
        <TableScroller label="Payouts to creators table">
          <table className="w-full min-w-[52rem] text-sm">
            <caption className="sr-only">Payouts to creators, newest first</caption>
            <TableHead
              columns={[
                { label: "Date" },
                { label: "Creator" },
                { label: "Amount", isNumeric: true },
                { label: "Status" },
                { label: "Transfer" },
                { label: "Failure" },
                { label: "Attempts", isNumeric: true },
              ]}
            />
            <tbody className="divide-y">
              {payouts.map((payout) => {
                const status = PAYOUT_STATUS[payout.status];
                return (
                  <tr key={payout.id} data-testid="admin-payout-row">
                    <td className={`${tdClasses} whitespace-nowrap`}>
                      {shortDate(payout.createdAt)}
                    </td>
                    <td className={`${tdClasses} font-medium whitespace-nowrap`}>
                      {payout.creatorName}
                    </td>
                    <td className={`${tdClasses} text-right whitespace-nowrap tabular-nums`}>
                      {money(payout.amountMicros)}
                    </td>
                    <td className={tdClasses}>
                      <Badge variant={status.variant}>{status.label}</Badge>
                    </td>
                    <td className={`${tdClasses} font-mono text-xs`}>
                      {payout.stripeTransferId ?? "—"}
                    </td>
                    <td className={`${tdClasses} max-w-72 text-xs text-destructive`}>
                      {payout.failureMessage ?? <span className="text-muted-foreground">—</span>}
                    </td>
                    <td className={`${tdClasses} text-right tabular-nums`}>{payout.attempts}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </TableScroller>
      )}
    </section>
  );
}
