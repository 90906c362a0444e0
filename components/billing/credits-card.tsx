"use client";

import { Coins } from "lucide-react";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import type { BillingAccount, CreditActivity } from "@/lib/billing/account";
import { formatCreditDollars } from "@/lib/billing/credit-price";
import { useStartCheckout } from "@/lib/billing/hooks";
import { cn } from "@/lib/utils/cn";

const ACTIVITY_LABELS: Record<string, string> = {
  "credits.purchased": "Credit pack",
  "credits.spent": "Answer beyond your plan",
  "charge.refunded": "Refund",
};

const dateTime = new Intl.DateTimeFormat("en-US", {
  month: "short",
  day: "numeric",
  hour: "numeric",
  minute: "2-digit",
});

/** Prepaid credits: the balance, packs to buy, and what moved them lately. */
export function CreditsCard({ account }: { account: BillingAccount }) {
  const { credits } = account;
  const checkout = useStartCheckout();
  const balance = BigInt(credits.balanceMicros);
  const held = BigInt(credits.heldMicros);
  const margin = credits.pricePercent - 100;
  return (
    <Card aria-labelledby="credits-heading">
      <CardHeader>
        <CardTitle as="h2" id="credits-heading" className="flex items-center gap-2">
          <Coins aria-hidden className="size-4 text-muted-foreground" />
          Credits
        </CardTitle>
        <CardDescription>
          When your plan's messages run out, answers are paid from credits at the model's price
          {margin > 0 ? ` plus ${margin} %` : ""}. Credits don't expire.
        </CardDescription>
      </CardHeader>
      <CardContent className="grid gap-6">
        <div className="flex flex-wrap items-end justify-between gap-4">
          <div>
            <p className="text-sm text-muted-foreground">Balance</p>
            <p className="text-3xl font-semibold tabular-nums" data-testid="credit-balance">
              {formatCreditDollars(balance)}
            </p>
            {held > 0n ? (
              <p className="text-xs text-muted-foreground">
                {formatCreditDollars(held)} held by answers being written
              </p>
            ) : null}
          </div>
          {account.isBillingEnabled && credits.packCents.length > 0 ? (
            <fieldset className="flex flex-wrap gap-2">
              <legend className="sr-only">Buy credits</legend>
              {credits.packCents.map((cents) => {
                const isPending =
                  checkout.isPending &&
                  checkout.variables !== undefined &&
                  "packCents" in checkout.variables &&
                  checkout.variables.packCents === cents;
                return (
                  <Button
                    key={cents}
                    variant="outline"
                    disabled={checkout.isPending}
                    onClick={() => checkout.mutate({ packCents: cents })}
                  >
                    {isPending ? "Opening…" : `Buy $${(cents / 100).toFixed(0)}`}
                  </Button>
                );
              })}
            </fieldset>
          ) : null}
        </div>
        {checkout.error ? (
          <p role="alert" className="text-sm text-destructive">
            {checkout.error.message}
          </p>
        ) : null}
        <CreditActivityList rows={credits.recent} />
      </CardContent>
    </Card>
  );
}

function CreditActivityList({ rows }: { rows: CreditActivity[] }) {
  if (rows.length === 0) {
    return <p className="text-sm text-muted-foreground">No credit activity yet.</p>;
  }
  return (
    <div className="overflow-x-auto">
      <table className="w-full text-sm">
        <caption className="pb-2 text-left text-sm font-medium">Recent activity</caption>
        <thead className="text-left text-xs text-muted-foreground">
          <tr>
            <th scope="col" className="py-1.5 pr-4 font-medium">
              When
            </th>
            <th scope="col" className="py-1.5 pr-4 font-medium">
              What
            </th>
            <th scope="col" className="py-1.5 text-right font-medium">
              Amount
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => {
            const amount = BigInt(row.amountMicros);
            return (
              <tr key={row.id} className="border-t">
                <td className="py-1.5 pr-4 whitespace-nowrap text-muted-foreground">
                  {dateTime.format(new Date(row.occurredAt))}
                </td>
                <td className="py-1.5 pr-4">{ACTIVITY_LABELS[row.kind] ?? row.description}</td>
                <td
                  className={cn(
                    "py-1.5 text-right tabular-nums whitespace-nowrap",
                    amount > 0n && "text-success",
                  )}
                >
                  {amount > 0n ? "+" : ""}
                  {formatCreditDollars(amount)}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
