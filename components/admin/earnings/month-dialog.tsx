"use client";

import { useState } from "react";
import { integer, money, monthName, shortDate } from "@/components/payouts/earnings-format";
import { Badge } from "@/components/ui/badge";
import {
  Dialog,
  DialogContent,
  DialogDescription,
  DialogHeader,
  DialogTitle,
} from "@/components/ui/dialog";
import { LoadErrorAlert } from "@/components/ui/load-error-alert";
import { Spinner } from "@/components/ui/spinner";
import { type MonthViewJson, useAdminMonth } from "@/lib/payouts/admin-hooks";
import { TableHead, TableScroller, tdClasses } from "../table-scroller";
import { holdReasonLabel } from "./hold-evidence";

function Figures({ view }: { view: MonthViewJson }) {
  const clawback = BigInt(view.clawbackMicros);
  const items = [
    { label: "Net revenue", value: money(view.netRevenueMicros) },
    { label: "Creator share", value: `${view.creatorSharePercent} %` },
    { label: "Pool", value: money(view.poolMicros) },
    { label: "Allocated", value: money(view.allocatedMicros) },
    { label: "Held", value: money(view.heldMicros) },
    { label: "Unallocated", value: money(view.unallocatedMicros) },
    { label: "Clawed back", value: clawback > 0n ? `-${money(clawback)}` : money(0n) },
    { label: "Paying users", value: integer.format(view.payingUsers) },
    { label: "Engaged answers", value: integer.format(view.engagedAnswers) },
  ];
  return (
    <dl className="grid grid-cols-2 gap-2 sm:grid-cols-3">
      {items.map((item) => (
        <div key={item.label} className="grid gap-0.5 rounded-lg border bg-card px-3 py-2">
          <dt className="text-xs text-muted-foreground">{item.label}</dt>
          <dd
            className="font-semibold tabular-nums"
            data-testid={`month-${item.label.toLowerCase().replaceAll(" ", "-")}`}
          >
            {item.value}
          </dd>
        </div>
      ))}
    </dl>
  );
}

function MonthBody({ view }: { view: MonthViewJson }) {
  return (
    <div className="grid min-w-0 gap-5">
      <Figures view={view} />
      <section aria-labelledby="month-creators-heading" className="grid min-w-0 gap-2">
        <h3 id="month-creators-heading" className="font-semibold">
          Creators
        </h3>
        {view.creators.length === 0 ? (
          <p className="text-sm text-muted-foreground">
            No creator earned in this month (no paying user used an eligible GPT).
          </p>
        ) : (
          <TableScroller label="Creators of the month table">
            <table className="w-full text-sm whitespace-nowrap">
              <TableHead
                columns={[
                  { label: "Creator" },
                  { label: "Earned", isNumeric: true },
                  { label: "Held", isNumeric: true },
                  { label: "Clawed back", isNumeric: true },
                  { label: "Answers", isNumeric: true },
                  { label: "Users", isNumeric: true },
                ]}
              />
              <tbody className="divide-y">
                {view.creators.map((creator) => (
                  <tr key={creator.creatorId}>
                    <th scope="row" className={`${tdClasses} text-left font-medium`}>
                      {creator.creatorName}
                    </th>
                    <td className={`${tdClasses} text-right tabular-nums`}>
                      {money(creator.earnedMicros)}
                    </td>
                    <td className={`${tdClasses} text-right tabular-nums`}>
                      {money(creator.heldMicros)}
                    </td>
                    <td className={`${tdClasses} text-right tabular-nums`}>
                      {money(creator.clawbackMicros)}
                    </td>
                    <td className={`${tdClasses} text-right tabular-nums`}>
                      {integer.format(creator.engagedAnswers)}
                    </td>
                    <td className={`${tdClasses} text-right tabular-nums`}>
                      {integer.format(creator.payingUsers)}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroller>
        )}
      </section>
      <section aria-labelledby="month-holds-heading" className="grid gap-2">
        <h3 id="month-holds-heading" className="font-semibold">
          {view.status === "open" ? "Holds the close would open" : "Holds opened by the close"}
        </h3>
        {view.holds.length === 0 ? (
          <p className="text-sm text-muted-foreground">None.</p>
        ) : (
          <ul className="grid gap-1.5 text-sm">
            {view.holds.map((hold, index) => (
              <li
                key={`${hold.creatorName}-${hold.reason}-${index}`}
                className="flex flex-wrap justify-between gap-x-4 rounded-lg border px-3 py-2"
              >
                <span>
                  <span className="font-medium">{hold.creatorName}</span> ·{" "}
                  {holdReasonLabel(hold.reason)}
                </span>
                <span className="tabular-nums">{money(hold.amountMicros)}</span>
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}

/** One month in a dialog: a closed month as booked, or a preview of what closing would book. */
export function MonthDialog({ month, onClose }: { month: string | null; onClose: () => void }) {
  // The last month asked for stays on screen while the dialog animates closed.
  const [shown, setShown] = useState(month);
  if (month !== null && month !== shown) setShown(month);
  const query = useAdminMonth(shown);
  const view = query.data;
  return (
    <Dialog open={month !== null} onOpenChange={(open) => (open ? null : onClose())}>
      <DialogContent className="max-w-3xl" data-testid="month-dialog">
        <DialogHeader>
          <div className="flex flex-wrap items-center gap-2">
            <DialogTitle>{shown ? monthName(shown) : "Month"}</DialogTitle>
            {view ? (
              <Badge variant={view.status === "closed" ? "secondary" : "warning"}>
                {view.status === "closed" ? "Closed" : "Preview"}
              </Badge>
            ) : null}
          </div>
          <DialogDescription>
            {!view
              ? "Loading the month…"
              : view.status === "closed"
                ? `Closed on ${shortDate(view.closedAt ?? view.availableAt)} ${view.closedBy ? `by ${view.closedBy}` : "by the scheduled job"}; available for payout from ${shortDate(view.availableAt)}.`
                : "What closing the month now would book. Nothing is written until it is closed; figures can still change as payments, refunds and answers arrive."}
          </DialogDescription>
        </DialogHeader>
        {query.isPending && shown ? (
          <div className="flex justify-center py-10">
            <Spinner label="Loading the month" size="lg" />
          </div>
        ) : query.isError ? (
          <LoadErrorAlert
            title="The month could not be loaded"
            message={query.error.message}
            isRetrying={query.isFetching}
            onRetry={() => void query.refetch()}
          />
        ) : view ? (
          <MonthBody view={view} />
        ) : null}
      </DialogContent>
    </Dialog>
  );
}
