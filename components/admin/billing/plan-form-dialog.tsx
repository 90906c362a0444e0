"use client";

import { type FormEvent, useId, useState } from "react";
import { toast } from "sonner";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import {
  Dialog,
  DialogClose,
  DialogContent,
  DialogDescription,
  DialogFooter,
  DialogHeader,
  DialogTitle,
} from "@/components/ui/dialog";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { Textarea } from "@/components/ui/textarea";
import { useSavePlan } from "@/lib/billing/admin-hooks";
import type { PlanInput, PublicPlan } from "@/lib/billing/plan-schemas";
import { SwitchRow } from "../switch-row";
import { useServerFormErrors } from "../use-server-form-errors";

const FIELD_ORDER = [
  "name",
  "description",
  "monthlyPrice",
  "yearlyPrice",
  "dailyMessages",
  "monthlyMessages",
  "knowledgeMaxMb",
  "maxPublicGpts",
  "sortOrder",
] as const;

/** The plan's whole-number fields, with what a new plan starts with. */
const COUNT_FIELDS = [
  {
    name: "dailyMessages",
    label: "Messages per day",
    description: "0: no daily limit.",
    fallback: 100,
  },
  {
    name: "monthlyMessages",
    label: "Messages per month",
    description: "0: no monthly limit.",
    fallback: 0,
  },
  {
    name: "knowledgeMaxMb",
    label: "Knowledge storage per creator (MB)",
    description: undefined,
    fallback: 1024,
  },
  { name: "maxPublicGpts", label: "Public GPTs per creator", description: undefined, fallback: 10 },
] as const;

const centsToText = (cents: number | null | undefined) =>
  cents === null || cents === undefined ? "" : (cents / 100).toFixed(2);

/** Adds or edits a plan; saving a paid plan creates or updates its Stripe Product and Prices. */
export function PlanFormDialog({
  isOpen,
  onOpenChange,
  plan,
}: {
  isOpen: boolean;
  onOpenChange: (isOpen: boolean) => void;
  plan?: PublicPlan;
}) {
  return (
    <Dialog open={isOpen} onOpenChange={onOpenChange}>
      <DialogContent className="max-h-[90dvh] max-w-2xl overflow-y-auto">
        <DialogHeader>
          <DialogTitle>{plan ? `Edit ${plan.name}` : "Add a plan"}</DialogTitle>
          <DialogDescription>
            {plan?.isFree
              ? "Everyone without a subscription is on the Free plan. It has no price."
              : "Saving creates or updates the plan's Product and Prices in Stripe. A new price applies to new subscribers; current ones keep theirs until they change plan."}
          </DialogDescription>
        </DialogHeader>
        {/* Mounted only while open, so every opening starts from the saved values. */}
        <PlanForm plan={plan} onDone={() => onOpenChange(false)} />
      </DialogContent>
    </Dialog>
  );
}

function PlanForm({ plan, onDone }: { plan?: PublicPlan; onDone: () => void }) {
  const idPrefix = useId();
  const id = (name: string) => `${idPrefix}-${name}`;
  const savePlan = useSavePlan();
  const isFree = plan?.isFree ?? false;
  const [allowsPremiumModels, setAllowsPremiumModels] = useState(
    plan?.allowsPremiumModels ?? !isFree,
  );
  const [hasApiAccess, setHasApiAccess] = useState(plan?.hasApiAccess ?? false);
  const [isArchived, setIsArchived] = useState(plan?.isArchived ?? false);
  const { generalMessage, fieldError, clear, fail } = useServerFormErrors(idPrefix, FIELD_ORDER);

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const text = (name: string) => String(form.get(name) ?? "").trim();
    const input: PlanInput = {
      name: text("name"),
      description: text("description"),
      monthlyPrice: isFree ? "0" : text("monthlyPrice"),
      yearlyPrice: isFree ? "" : text("yearlyPrice"),
      dailyMessages: text("dailyMessages"),
      monthlyMessages: text("monthlyMessages"),
      knowledgeMaxMb: text("knowledgeMaxMb"),
      maxPublicGpts: text("maxPublicGpts"),
      sortOrder: text("sortOrder") || "0",
      allowsPremiumModels: isFree ? false : allowsPremiumModels,
      hasApiAccess,
      isArchived: isFree ? false : isArchived,
    };
    clear();
    savePlan.mutate(
      { id: plan?.id, input },
      {
        onSuccess: (saved) => {
          toast.success(plan ? `${saved.name} saved.` : `${saved.name} added.`);
          onDone();
        },
        onError: fail,
      },
    );
  }

  return (
    <form onSubmit={onSubmit} noValidate className="grid gap-5">
      {generalMessage ? (
        <Alert variant="destructive">
          <AlertDescription className="text-destructive">{generalMessage}</AlertDescription>
        </Alert>
      ) : null}
      <div className="grid gap-4 sm:grid-cols-2">
        <Field id={id("name")} label="Name" isRequired error={fieldError("name")}>
          <Input name="name" defaultValue={plan?.name} placeholder="Plus" maxLength={40} required />
        </Field>
        <Field
          id={id("sortOrder")}
          label="Position"
          description="Plans are listed from the lowest number."
          error={fieldError("sortOrder")}
        >
          <Input name="sortOrder" inputMode="numeric" defaultValue={plan?.sortOrder ?? 0} />
        </Field>
      </div>
      <Field
        id={id("description")}
        label="Description"
        description="One line shown on the plan's card."
        error={fieldError("description")}
      >
        <Textarea name="description" defaultValue={plan?.description} maxLength={300} rows={2} />
      </Field>
      {isFree ? null : (
        <div className="grid gap-4 sm:grid-cols-2">
          <Field
            id={id("monthlyPrice")}
            label="Monthly price (USD)"
            isRequired
            error={fieldError("monthlyPrice")}
          >
            <Input
              name="monthlyPrice"
              inputMode="decimal"
              defaultValue={centsToText(plan?.monthlyPriceCents)}
              placeholder="9.00"
              required
            />
          </Field>
          <Field
            id={id("yearlyPrice")}
            label="Yearly price (USD)"
            description="Leave empty for no yearly option."
            error={fieldError("yearlyPrice")}
          >
            <Input
              name="yearlyPrice"
              inputMode="decimal"
              defaultValue={centsToText(plan?.yearlyPriceCents)}
              placeholder="90.00"
            />
          </Field>
        </div>
      )}
      <div className="grid gap-4 sm:grid-cols-2">
        {COUNT_FIELDS.map(({ name, label, description, fallback }) => (
          <Field
            key={name}
            id={id(name)}
            label={label}
            description={description}
            isRequired
            error={fieldError(name)}
          >
            <Input
              name={name}
              inputMode="numeric"
              defaultValue={plan?.[name] ?? fallback}
              required
            />
          </Field>
        ))}
      </div>
      <div className="grid gap-4 rounded-lg border p-4">
        {isFree ? null : (
          <SwitchRow
            id={id("allowsPremiumModels")}
            label="Premium models"
            description="Subscribers can chat with models marked Premium in Admin → Models."
            isChecked={allowsPremiumModels}
            onChange={setAllowsPremiumModels}
          />
        )}
        <SwitchRow
          id={id("hasApiAccess")}
          label="API access"
          description="Subscribers may create API keys to use GPTs from their own code."
          isChecked={hasApiAccess}
          onChange={setHasApiAccess}
        />
        {isFree ? null : (
          <SwitchRow
            id={id("isArchived")}
            label="Archived"
            description="No longer offered; current subscribers keep it until they change plan."
            isChecked={isArchived}
            onChange={setIsArchived}
          />
        )}
      </div>
      <DialogFooter>
        <DialogClose asChild>
          <Button type="button" variant="outline">
            Cancel
          </Button>
        </DialogClose>
        <Button type="submit" isLoading={savePlan.isPending}>
          {plan ? "Save plan" : "Add plan"}
        </Button>
      </DialogFooter>
    </form>
  );
}
