import type { BillingOverviewJson, BillingPlanRowJson } from "@/lib/billing/overview";
import { TableHead, TableScroller, tdClasses } from "../table-scroller";
import { formatUsd, integer, monthLabel } from "./billing-format";

export function PlansTable({
  plans,
  mrrMicros,
}: {
  plans: BillingPlanRowJson[];
  mrrMicros: string;
}) {
  const total = BigInt(mrrMicros);
  return (
    <TableScroller label="Subscriptions by plan table">
      <table className="w-full text-sm whitespace-nowrap">
        <caption className="sr-only">Live subscriptions and MRR by plan</caption>
        <TableHead
          columns={[
            { label: "Plan" },
            { label: "Subscriptions", isNumeric: true },
            { label: "MRR", isNumeric: true },
            { label: "Share of MRR", isNumeric: true },
          ]}
        />
        <tbody className="divide-y">
          {plans.map((plan) => {
            const share = total > 0n ? Number((BigInt(plan.mrrMicros) * 1000n) / total) / 10 : 0;
            return (
              <tr key={plan.planId}>
                <th scope="row" className={`${tdClasses} text-left font-medium`}>
                  {plan.planName}
                </th>
                <td className={`${tdClasses} text-right tabular-nums`}>
                  {integer.format(plan.subscriptions)}
                </td>
                <td className={`${tdClasses} text-right tabular-nums`}>
                  {formatUsd(plan.mrrMicros)}
                </td>
                <td className={`${tdClasses} text-right tabular-nums`}>
                  <div className="flex items-center justify-end gap-2">
                    <span
                      aria-hidden="true"
                      className="hidden h-1.5 w-12 overflow-hidden rounded-full bg-muted sm:block"
                    >
                      <span className="block h-full bg-primary" style={{ width: `${share}%` }} />
                    </span>
                    {share.toFixed(1)}%
                  </div>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </TableScroller>
  );
}

export function MonthlyTable({ monthly }: { monthly: BillingOverviewJson["monthly"] }) {
  const money = (micros: string) => (
    <td className={`${tdClasses} text-right tabular-nums`}>{formatUsd(micros)}</td>
  );
  return (
    <TableScroller label="Monthly billing figures table">
      <table className="w-full text-sm whitespace-nowrap">
        <caption className="px-4 pt-3 text-left text-sm text-muted-foreground">
          Billing by UTC month, last {monthly.length} months, newest first
        </caption>
        <TableHead
          columns={[
            { label: "Month" },
            { label: "Subscription revenue", isNumeric: true },
            { label: "Credits sold", isNumeric: true },
            { label: "Credits spent", isNumeric: true },
            { label: "Refunds", isNumeric: true },
            { label: "Disputes", isNumeric: true },
            { label: "New", isNumeric: true },
            { label: "Churned", isNumeric: true },
          ]}
        />
        <tbody className="divide-y">
          {[...monthly].reverse().map((row) => (
            <tr key={row.month}>
              <th scope="row" className={`${tdClasses} text-left font-medium`}>
                {monthLabel(row.month)}
              </th>
              {money(row.subscriptionRevenueMicros)}
              {money(row.creditsSoldMicros)}
              {money(row.creditsSpentMicros)}
              {money(row.refundsMicros)}
              {money(row.disputesMicros)}
              <td className={`${tdClasses} text-right tabular-nums`}>
                {integer.format(row.newSubscriptions)}
              </td>
              <td className={`${tdClasses} text-right tabular-nums`}>
                {integer.format(row.churnedSubscriptions)}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroller>
  );
}

/** Admin → Billing: MRR, subscriptions by plan and a year of money movements, from the ledger. */
