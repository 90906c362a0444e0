import { Clock, Hourglass, type LucideIcon, Scale, Send, Wallet } from "lucide-react";
import { Badge } from "@/components/ui/badge";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import type { CreatorEarningsJson } from "@/lib/payouts/hooks";
import { cn } from "@/lib/utils/cn";
import { integer, longDate, money, monthName } from "./earnings-format";

type Stat = {
  id: string;
  label: string;
  micros: string;
  detail: string;
  icon: LucideIcon;
  isNegative?: boolean;
};

/** The soonest date a month still in holding becomes available. */
function holdingUntil(earnings: CreatorEarningsJson, now: number): string | null {
  const dates = earnings.statements
    .filter((statement) => new Date(statement.availableAt).getTime() > now)
    .map((statement) => statement.availableAt)
    .sort();
  return dates[0] ?? null;
}

function statsOf(earnings: CreatorEarningsJson, now: number): Stat[] {
  const until = holdingUntil(earnings, now);
  const isActive = earnings.payoutAccount.status === "active";
  const balance = BigInt(earnings.balanceMicros);
  return [
    {
      id: "available",
      label: "Available now",
      micros: earnings.availableMicros,
      detail: isActive
        ? `Paid out automatically once it reaches ${money(earnings.rules.thresholdMicros)}.`
        : "Set up payouts to receive it; it waits here until then.",
      icon: Wallet,
    },
    {
      id: "holding",
      label: "In holding",
      micros: earnings.holdingMicros,
      detail: until
        ? `Until ${longDate(until)}: refunds can still be netted for ${earnings.rules.holdingDays} days after a month ends.`
        : "Nothing in holding.",
      icon: Hourglass,
    },
    {
      id: "in-transit",
      label: "In transit",
      micros: earnings.inTransitMicros,
      detail: "Sent to Stripe and on its way to your account.",
      icon: Send,
    },
    {
      id: "balance",
      label: "Total balance",
      micros: earnings.balanceMicros,
      detail: "Available plus in holding: what the platform owes you.",
      icon: Scale,
      isNegative: balance < 0n,
    },
  ];
}

/** Available, in holding, in transit, and the whole balance (which can be negative). */
export function BalanceCards({ earnings }: { earnings: CreatorEarningsJson }) {
  const stats = statsOf(earnings, Date.now());
  const isNegative = BigInt(earnings.balanceMicros) < 0n;
  return (
    <section aria-labelledby="balances-heading" className="grid gap-3">
      <h2 id="balances-heading" className="sr-only">
        Balances
      </h2>
      <dl className="grid grid-cols-2 gap-3 lg:grid-cols-4">
        {stats.map(({ id, label, micros, detail, icon: Icon, isNegative: isRed }) => (
          <div
            key={id}
            data-testid={`balance-${id}`}
            className={cn(
              "flex flex-col gap-1 rounded-xl border bg-card p-4 shadow-xs",
              isRed && "border-destructive/40",
            )}
          >
            <dt className="flex items-center justify-between gap-2 text-sm text-muted-foreground">
              {label}
              <Icon aria-hidden="true" className="size-4 shrink-0" />
            </dt>
            <dd
              className={cn(
                "text-2xl font-semibold tracking-tight tabular-nums",
                isRed && "text-destructive",
              )}
            >
              {money(micros)}
            </dd>
            <dd className="text-xs text-muted-foreground">{detail}</dd>
          </div>
        ))}
      </dl>
      {isNegative ? (
        <p
          className="rounded-lg border border-destructive/30 bg-destructive/10 px-4 py-3 text-sm text-destructive"
          data-testid="negative-balance-note"
        >
          Your balance is below zero: a payment shared out in an earlier month was refunded or
          disputed after that month closed, and your share of it was taken back after it had been
          paid. A negative balance carries forward: your next earnings fill it before anything is
          paid out.
        </p>
      ) : null}
    </section>
  );
}

/** The running month as if it closed now: clearly an estimate. */
export function ThisMonthCard({ earnings }: { earnings: CreatorEarningsJson }) {
  const { thisMonth } = earnings;
  return (
    <Card aria-labelledby="this-month-heading" data-testid="this-month">
      <CardHeader>
        <div className="flex flex-wrap items-center gap-2">
          <CardTitle as="h2" id="this-month-heading" className="flex items-center gap-2">
            <Clock aria-hidden className="size-4 text-muted-foreground" />
            This month so far (estimated)
          </CardTitle>
          <Badge variant="outline">Estimate</Badge>
        </div>
        <CardDescription>
          What you would earn if {monthName(thisMonth.month)} closed now. It changes as people pay,
          use your GPTs and ask for refunds; the month closes a few days after it ends.
        </CardDescription>
      </CardHeader>
      <CardContent>
        <dl className="grid grid-cols-2 gap-4 sm:grid-cols-3">
          <div className="col-span-2 grid gap-0.5 sm:col-span-1">
            <dt className="text-sm text-muted-foreground">Estimated</dt>
            <dd className="text-2xl font-semibold tabular-nums">
              ≈ {money(thisMonth.estimatedMicros)}
            </dd>
          </div>
          <div className="grid gap-0.5">
            <dt className="text-sm text-muted-foreground">Engaged answers</dt>
            <dd className="text-lg font-medium tabular-nums">
              {integer.format(thisMonth.engagedAnswers)}
            </dd>
          </div>
          <div className="grid gap-0.5">
            <dt className="text-sm text-muted-foreground">Paying users</dt>
            <dd className="text-lg font-medium tabular-nums">
              {integer.format(thisMonth.payingUsers)}
            </dd>
          </div>
        </dl>
      </CardContent>
    </Card>
  );
}
