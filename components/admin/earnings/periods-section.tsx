"use client";

import { MonthBarChart } from "@/components/payouts/earnings-chart";
import {
  chartCents,
  integer,
  money,
  monthName,
  shortDate,
} from "@/components/payouts/earnings-format";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import type { AdminEarningsJson } from "@/lib/payouts/admin-hooks";
import { TableHead, TableScroller, tdClasses } from "../table-scroller";

/** Closed months: the pool per month as a chart, then every figure in a table. */
export function PeriodsSection({
  periods,
  onView,
}: {
  periods: AdminEarningsJson["periods"];
  onView: (month: string) => void;
}) {
  const rows = [...periods]
    .slice(0, 12)
    .reverse()
    .map((period) => ({
      month: period.month,
      allocated: chartCents(period.allocatedMicros),
      held: chartCents(period.heldMicros),
      unallocated: chartCents(period.unallocatedMicros),
    }));
  return (
    <section aria-labelledby="periods-heading" className="grid gap-4">
      <div className="grid gap-1">
        <h2 id="periods-heading" className="text-lg font-semibold tracking-tight">
          Closed months
        </h2>
        <p className="text-sm text-muted-foreground">
          Each closed month as it was booked; open one to see its creators and holds. Allocated +
          held + unallocated = the pool, to the micro-dollar. Payers: paying users; answers: engaged
          answers.
        </p>
      </div>
      {periods.length === 0 ? (
        <p className="rounded-xl border border-dashed px-4 py-6 text-center text-sm text-muted-foreground">
          No month has been closed yet.
        </p>
      ) : (
        <>
          <Card className="min-w-0">
            <CardHeader>
              <CardTitle as="h3">Pool per month</CardTitle>
              <CardDescription>
                What went to creators, what is held for review, and what stayed with the platform.
                The same figures are in the table below.
              </CardDescription>
            </CardHeader>
            <CardContent className="px-2 sm:px-6">
              <MonthBarChart
                testId="pool-chart"
                rows={rows}
                series={[
                  { key: "allocated", name: "Allocated", color: "var(--color-primary)" },
                  { key: "held", name: "Held", color: "var(--color-warning)" },
                  {
                    key: "unallocated",
                    name: "Unallocated",
                    color: "var(--color-muted-foreground)",
                  },
                ]}
              />
            </CardContent>
          </Card>
          <TableScroller label="Closed months table">
            {/* Tighter cells than the other tables: ten columns fit a laptop screen. */}
            <table className="w-full text-sm whitespace-nowrap [&_td]:px-3 [&_th]:px-3">
              <caption className="sr-only">Closed months, newest first</caption>
              <TableHead
                columns={[
                  { label: "Month" },
                  { label: "Net revenue", isNumeric: true },
                  { label: "Pool", isNumeric: true },
                  { label: "Allocated", isNumeric: true },
                  { label: "Held", isNumeric: true },
                  { label: "Unallocated", isNumeric: true },
                  { label: "Clawed back", isNumeric: true },
                  { label: "Payers", isNumeric: true },
                  { label: "Answers", isNumeric: true },
                  { label: "Closed" },
                ]}
              />
              <tbody className="divide-y">
                {periods.map((period) => (
                  <tr key={period.month} data-testid={`period-${period.month}`}>
                    <th scope="row" className={`${tdClasses} text-left font-medium`}>
                      <button
                        type="button"
                        className="rounded-sm text-primary underline-offset-4 outline-none hover:underline focus-visible:ring-2 focus-visible:ring-ring"
                        onClick={() => onView(period.month)}
                      >
                        {monthName(period.month)}
                      </button>
                    </th>
                    <td className={`${tdClasses} text-right tabular-nums`}>
                      {money(period.netRevenueMicros)}
                    </td>
                    <td className={`${tdClasses} text-right tabular-nums`}>
                      {money(period.poolMicros)}
                      <span className="block text-xs text-muted-foreground">
                        {period.creatorSharePercent} % share
                      </span>
                    </td>
                    {[
                      money(period.allocatedMicros),
                      money(period.heldMicros),
                      money(period.unallocatedMicros),
                      money(period.clawbackMicros),
                      integer.format(period.payingUsers),
                      integer.format(period.engagedAnswers),
                    ].map((value, index) => (
                      <td key={index} className={`${tdClasses} text-right tabular-nums`}>
                        {value}
                      </td>
                    ))}
                    <td className={tdClasses}>
                      {shortDate(period.closedAt)}
                      <span className="block text-xs text-muted-foreground">
                        {period.closedBy ? `by ${period.closedBy}` : "by the scheduled job"}
                      </span>
                      <span className="block text-xs text-muted-foreground">
                        payable from {shortDate(period.availableAt)}
                      </span>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroller>
        </>
      )}
    </section>
  );
}
