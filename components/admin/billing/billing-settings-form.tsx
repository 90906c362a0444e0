"use client";

import { type FormEvent, useId } from "react";
import { toast } from "sonner";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { useSaveBillingSettings } from "@/lib/billing/admin-hooks";
import type { BillingSettingsView } from "@/lib/billing/billing-settings-schema";
import { useServerFormErrors } from "../use-server-form-errors";

const FIELD_ORDER = ["creditPricePercent", "creditPacks", "pastDueGraceDays"] as const;

/** Admin → Billing → Credits and renewals: the credit margin, the packs, the grace period. */
export function BillingSettingsForm({ initialSettings }: { initialSettings: BillingSettingsView }) {
  const idPrefix = useId();
  const id = (name: string) => `${idPrefix}-${name}`;
  const save = useSaveBillingSettings();
  const { generalMessage, fieldError, clear, fail } = useServerFormErrors(idPrefix, FIELD_ORDER);

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const text = (name: string) => String(form.get(name) ?? "").trim();
    clear();
    save.mutate(
      {
        creditPricePercent: text("creditPricePercent"),
        creditPacks: text("creditPacks")
          .split(/[,\s]+/)
          .map((pack) => pack.trim())
          .filter(Boolean),
        pastDueGraceDays: text("pastDueGraceDays"),
      },
      {
        onSuccess: () => toast.success("Billing settings saved."),
        onError: fail,
      },
    );
  }

  return (
    <section aria-labelledby={id("heading")} className="grid gap-4">
      <div className="grid gap-1">
        <h2 id={id("heading")} className="text-lg font-semibold">
          Credits and renewals
        </h2>
        <p className="text-sm text-muted-foreground">
          Credits pay for messages beyond a plan's allowance, at the model's price times the margin.
        </p>
      </div>
      <form onSubmit={onSubmit} noValidate className="grid gap-5 rounded-xl border bg-card p-5">
        {generalMessage ? (
          <Alert variant="destructive">
            <AlertDescription className="text-destructive">{generalMessage}</AlertDescription>
          </Alert>
        ) : null}
        <div className="grid gap-4 sm:grid-cols-3">
          <Field
            id={id("creditPricePercent")}
            label="Credit price (% of model cost)"
            description="130 charges $1.30 of credits for $1.00 of model usage."
            error={fieldError("creditPricePercent")}
          >
            <Input
              name="creditPricePercent"
              inputMode="numeric"
              defaultValue={initialSettings.creditPricePercent}
            />
          </Field>
          <Field
            id={id("creditPacks")}
            label="Credit packs (USD)"
            description="Comma-separated, e.g. 5, 10, 25. Empty: credits are not sold."
            error={fieldError("creditPacks")}
          >
            <Input
              name="creditPacks"
              defaultValue={initialSettings.creditPacks.join(", ")}
              autoComplete="off"
            />
          </Field>
          <Field
            id={id("pastDueGraceDays")}
            label="Grace period (days)"
            description="A failed renewal keeps its plan this long while Stripe retries."
            error={fieldError("pastDueGraceDays")}
          >
            <Input
              name="pastDueGraceDays"
              inputMode="numeric"
              defaultValue={initialSettings.pastDueGraceDays}
            />
          </Field>
        </div>
        <div>
          <Button type="submit" isLoading={save.isPending}>
            Save billing settings
          </Button>
        </div>
      </form>
    </section>
  );
}
