"use client";

import { Pencil, Plus } from "lucide-react";
import { useState } from "react";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { useAdminPlans } from "@/lib/billing/admin-hooks";
import type { PublicPlan } from "@/lib/billing/plan-schemas";
import { TableHead, TableScroller, tdClasses } from "../table-scroller";
import { formatCents } from "./billing-format";
import { PlanFormDialog } from "./plan-form-dialog";

type DialogState = { isOpen: boolean; plan?: PublicPlan };

const price = (cents: number | null) => (cents === null ? "—" : formatCents(BigInt(cents)));
const allowance = (count: number) => (count === 0 ? "Unlimited" : count.toLocaleString("en-US"));

/** Admin → Billing → Plans: every plan in a table, with add and edit in a dialog. */
export function PlansManager({ initialPlans }: { initialPlans: PublicPlan[] }) {
  const { data: plans } = useAdminPlans(initialPlans);
  const [dialog, setDialog] = useState<DialogState>({ isOpen: false });
  return (
    <section aria-labelledby="plans-heading" className="grid gap-4">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <div className="grid gap-1">
          <h2 id="plans-heading" className="text-lg font-semibold">
            Plans
          </h2>
          <p className="text-sm text-muted-foreground">
            What each plan costs and allows. Users pick a paid plan in Settings → Plan & billing.
          </p>
        </div>
        <Button onClick={() => setDialog({ isOpen: true })}>
          <Plus aria-hidden /> Add plan
        </Button>
      </div>
      <TableScroller label="All plans">
        <table className="w-full min-w-[44rem] text-sm">
          <TableHead
            columns={[
              { label: "Plan" },
              { label: "Monthly", isNumeric: true },
              { label: "Yearly", isNumeric: true },
              { label: "Per day", isNumeric: true },
              { label: "Per month", isNumeric: true },
              { label: "Includes" },
              { label: <span className="sr-only">Actions</span> },
            ]}
          />
          <tbody>
            {plans.map((plan) => (
              <tr
                key={plan.id}
                className="border-b last:border-0"
                data-testid={`admin-plan-${plan.name}`}
              >
                <td className={tdClasses}>
                  <div className="flex flex-wrap items-center gap-2">
                    <span className="font-medium">{plan.name}</span>
                    {plan.isFree ? <Badge variant="secondary">Default</Badge> : null}
                    {plan.isArchived ? <Badge variant="outline">Archived</Badge> : null}
                    {!plan.isSyncedWithStripe ? (
                      <Badge variant="warning">Not in Stripe yet</Badge>
                    ) : null}
                  </div>
                </td>
                <td className={`${tdClasses} text-right tabular-nums`}>
                  {plan.isFree ? "Free" : price(plan.monthlyPriceCents)}
                </td>
                <td className={`${tdClasses} text-right tabular-nums`}>
                  {plan.isFree ? "—" : price(plan.yearlyPriceCents)}
                </td>
                <td className={`${tdClasses} text-right tabular-nums`}>
                  {allowance(plan.dailyMessages)}
                </td>
                <td className={`${tdClasses} text-right tabular-nums`}>
                  {allowance(plan.monthlyMessages)}
                </td>
                <td className={`${tdClasses} text-muted-foreground`}>
                  {[
                    plan.allowsPremiumModels ? "Premium models" : null,
                    plan.hasApiAccess ? "API" : null,
                    `${plan.maxPublicGpts} public GPTs`,
                    `${plan.knowledgeMaxMb.toLocaleString("en-US")} MB`,
                  ]
                    .filter(Boolean)
                    .join(" · ")}
                </td>
                <td className={`${tdClasses} text-right`}>
                  <Button
                    variant="ghost"
                    size="sm"
                    onClick={() => setDialog({ isOpen: true, plan })}
                    aria-label={`Edit ${plan.name}`}
                  >
                    <Pencil aria-hidden className="size-3.5" /> Edit
                  </Button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroller>
      <PlanFormDialog
        isOpen={dialog.isOpen}
        plan={dialog.plan}
        onOpenChange={(isOpen) => setDialog((state) => ({ ...state, isOpen }))}
      />
    </section>
  );
}
