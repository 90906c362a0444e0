import { ShieldAlert } from "lucide-react";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import type { CreatorEarningsJson } from "@/lib/payouts/hooks";
import { creatorHoldReason, money, monthName } from "./earnings-format";

/** Open holds on the creator's earnings, each with its reason in plain words. */
export function HoldsNotice({ holds }: { holds: CreatorEarningsJson["holds"] }) {
  if (holds.length === 0) return null;
  return (
    <Card aria-labelledby="holds-heading" className="border-warning/40" data-testid="creator-holds">
      <CardHeader>
        <CardTitle as="h2" id="holds-heading" className="flex items-center gap-2">
          <ShieldAlert aria-hidden className="size-4 text-warning" />
          On hold
        </CardTitle>
        <CardDescription>
          An administrator reviews each of these. You don't need to do anything.
        </CardDescription>
      </CardHeader>
      <CardContent>
        <ul className="grid gap-3">
          {holds.map((hold) => {
            const reason = creatorHoldReason(hold.reason);
            return (
              <li
                key={hold.id}
                className="grid gap-1 rounded-lg border p-3 sm:grid-cols-[1fr_auto] sm:gap-x-4"
              >
                <p className="font-medium">
                  {reason.title}{" "}
                  <span className="font-normal text-muted-foreground">
                    · {monthName(hold.month)}
                  </span>
                </p>
                <p className="text-sm font-medium tabular-nums sm:row-span-2 sm:text-right">
                  {money(hold.amountMicros)}{" "}
                  <span className="font-normal text-muted-foreground">
                    {hold.reason === "MODERATION" ? "held" : "at stake"}
                  </span>
                </p>
                <p className="text-sm text-muted-foreground">{reason.detail}</p>
              </li>
            );
          })}
        </ul>
      </CardContent>
    </Card>
  );
}
