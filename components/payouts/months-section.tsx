"use client";

import Link from "next/link";
import { TableHead, TableScroller, tdClasses } from "@/components/admin/table-scroller";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import type { CreatorEarningsJson } from "@/lib/payouts/hooks";
import { cn } from "@/lib/utils/cn";
import { MonthBarChart } from "./earnings-chart";
import { chartCents, integer, money, monthName, shortDate } from "./earnings-format";

type Statement = CreatorEarningsJson["statements"][number];

/**
 * Where a closed month's money stands. A payout pays the whole available balance and names the
 * latest statement it covers, so the first payout made once the month was available, covering
 * it or a later month, is the one that paid it.
 */
function payoutStatusOf(statement: Statement, earnings: CreatorEarningsJson, now: number): string {
  const net = BigInt(statement.earnedMicros) - BigInt(statement.clawbackMicros);
  if (net <= 0n) return BigInt(statement.heldMicros) > 0n ? "Held for review" : "Nothing to pay";
  if (new Date(statement.availableAt).getTime() > now) return "In holding";
  const payout = earnings.payouts
    .filter(
      (candidate) =>
        candidate.status !== "FAILED" &&
        candidate.statementMonth !== null &&
        candidate.statementMonth >= statement.month &&
        candidate.createdAt >= statement.availableAt,
    )
    .sort((a, b) => a.createdAt.localeCompare(b.createdAt))[0];
  if (payout?.status === "PAID") return `Paid ${shortDate(payout.settledAt ?? payout.createdAt)}`;
  if (payout?.status === "PENDING") return "In transit";
  if (earnings.payoutAccount.status !== "active") return "Waiting for a payout account";
  return "Available";
}

/** Closed months: a chart of what each earned, and the table that opens each statement. */
export function MonthsSection({ earnings }: { earnings: CreatorEarningsJson }) {
  const now = Date.now();
  const chartRows = [...earnings.statements]
    .slice(0, 12)
    .reverse()
    .map((statement) => ({
      month: statement.month,
      net: chartCents(BigInt(statement.earnedMicros) - BigInt(statement.clawbackMicros)),
      held: chartCents(statement.heldMicros),
    }));
  const hasHeld = chartRows.some((row) => row.held > 0);
  return (
    <section aria-labelledby="months-heading" className="grid gap-4">
      <div className="grid gap-1">
        <h2 id="months-heading" className="text-lg font-semibold tracking-tight">
          Closed months
        </h2>
        <p className="text-sm text-muted-foreground">
          Each month's statement, once it closes. Open a month to see it per GPT and per day, or
          download it as CSV.
        </p>
      </div>
      <Card className="min-w-0">
        <CardHeader>
          <CardTitle as="h3">Earnings per month</CardTitle>
          <CardDescription>
            Net of refunds taken back{hasHeld ? ", next to what is held for review" : ""}. The same
            figures are in the table below.
          </CardDescription>
        </CardHeader>
        <CardContent className="px-2 sm:px-6">
          <MonthBarChart
            testId="earnings-chart"
            rows={chartRows}
            series={[
              { key: "net", name: "Earned", color: "var(--color-primary)" },
              ...(hasHeld ? [{ key: "held", name: "Held", color: "var(--color-warning)" }] : []),
            ]}
          />
        </CardContent>
      </Card>
      <TableScroller label="Closed months table">
        <table className="w-full text-sm whitespace-nowrap">
          <caption className="sr-only">Your statements by month, newest first</caption>
          <TableHead
            columns={[
              { label: "Month" },
              { label: "Engaged answers", isNumeric: true },
              { label: "Paying users", isNumeric: true },
              { label: "Earned", isNumeric: true },
              { label: "Held", isNumeric: true },
              { label: "Refunds taken back", isNumeric: true },
              { label: "Net", isNumeric: true },
              { label: "Available from" },
              { label: "Payout" },
            ]}
          />
          <tbody className="divide-y">
            {earnings.statements.map((statement) => {
              const net = BigInt(statement.earnedMicros) - BigInt(statement.clawbackMicros);
              const clawback = BigInt(statement.clawbackMicros);
              return (
                <tr key={statement.id} data-testid={`month-row-${statement.month}`}>
                  <th scope="row" className={`${tdClasses} text-left font-medium`}>
                    <Link
                      href={`/creator/earnings/${statement.month}`}
                      className="rounded-sm text-primary underline-offset-4 outline-none hover:underline focus-visible:ring-2 focus-visible:ring-ring"
                    >
                      {monthName(statement.month)}
                    </Link>
                  </th>
                  <td className={`${tdClasses} text-right tabular-nums`}>
                    {integer.format(statement.engagedAnswers)}
                  </td>
                  <td className={`${tdClasses} text-right tabular-nums`}>
                    {integer.format(statement.payingUsers)}
                  </td>
                  <td className={`${tdClasses} text-right tabular-nums`}>
                    {money(statement.earnedMicros)}
                  </td>
                  <td className={`${tdClasses} text-right tabular-nums`}>
                    {money(statement.heldMicros)}
                  </td>
                  <td className={`${tdClasses} text-right tabular-nums`}>
                    {clawback > 0n ? `-${money(clawback)}` : money(0n)}
                  </td>
                  <td
                    className={cn(
                      `${tdClasses} text-right font-medium tabular-nums`,
                      net < 0n && "text-destructive",
                    )}
                  >
                    {money(net)}
                  </td>
                  <td className={tdClasses}>{shortDate(statement.availableAt)}</td>
                  <td className={tdClasses}>{payoutStatusOf(statement, earnings, now)}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </TableScroller>
    </section>
  );
}
