import { TableHead, TableScroller, tdClasses } from "@/components/admin/table-scroller";
import { Badge } from "@/components/ui/badge";
import type { CreatorEarningsJson } from "@/lib/payouts/hooks";
import { money, monthName, PAYOUT_STATUS, shortDate } from "./earnings-format";

/** Transfers to the creator's Stripe account, newest first, with Stripe's reason when refused. */
export function PayoutsTable({ payouts }: { payouts: CreatorEarningsJson["payouts"] }) {
  return (
    <section aria-labelledby="payouts-heading" className="grid gap-4">
      <div className="grid gap-1">
        <h2 id="payouts-heading" className="text-lg font-semibold tracking-tight">
          Payouts
        </h2>
        <p className="text-sm text-muted-foreground">
          Transfers to your Stripe account. Stripe then pays them to your bank on your account's
          schedule. A refused transfer goes back to your balance and is tried again.
        </p>
      </div>
      {payouts.length === 0 ? (
        <p className="rounded-xl border border-dashed px-4 py-6 text-center text-sm text-muted-foreground">
          No payouts yet.
        </p>
      ) : (
        <TableScroller label="Payouts table">
          <table className="w-full text-sm">
            <caption className="sr-only">Your payouts, newest first</caption>
            <TableHead
              columns={[
                { label: "Date" },
                { label: "Amount", isNumeric: true },
                { label: "Status" },
                { label: "Covers" },
              ]}
            />
            <tbody className="divide-y">
              {payouts.map((payout) => {
                const status = PAYOUT_STATUS[payout.status];
                return (
                  <tr key={payout.id} data-testid="payout-row">
                    <td className={`${tdClasses} whitespace-nowrap`}>
                      {shortDate(payout.createdAt)}
                    </td>
                    <td
                      className={`${tdClasses} text-right font-medium whitespace-nowrap tabular-nums`}
                    >
                      {money(payout.amountMicros)}
                    </td>
                    <td className={tdClasses}>
                      <div className="grid gap-1">
                        <Badge variant={status.variant}>{status.label}</Badge>
                        {payout.failureMessage ? (
                          <span className="min-w-48 max-w-80 text-xs text-destructive">
                            {payout.failureMessage}
                          </span>
                        ) : null}
                      </div>
                    </td>
                    <td className={`${tdClasses} whitespace-nowrap text-muted-foreground`}>
                      {payout.statementMonth
                        ? `Earnings through ${monthName(payout.statementMonth)}`
                        : "Your balance"}
                    </td>
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
