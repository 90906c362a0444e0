"use client";

import Link from "next/link";
import { type FormEvent, useId } from "react";
import { toast } from "sonner";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { useSavePayoutSettings } from "@/lib/payouts/admin-hooks";
import type { PayoutSettingsView } from "@/lib/payouts/payout-settings-schema";
import { useServerFormErrors } from "../use-server-form-errors";

const FIELD_ORDER = [
  "creatorSharePercent",
  "engagedAnswersDailyCap",
  "payoutThreshold",
  "payoutHoldingDays",
] as const;

/** Admin → Earnings → Revenue share and payouts: the share, the cap, the threshold, the hold. */
export function PayoutSettingsForm({ settings }: { settings: PayoutSettingsView }) {
  const idPrefix = useId();
  const id = (name: string) => `${idPrefix}-${name}`;
  const save = useSavePayoutSettings();
  const { generalMessage, fieldError, clear, fail } = useServerFormErrors(idPrefix, FIELD_ORDER);

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const text = (name: string) => String(form.get(name) ?? "").trim();
    clear();
    save.mutate(
      {
        creatorSharePercent: text("creatorSharePercent"),
        engagedAnswersDailyCap: text("engagedAnswersDailyCap"),
        payoutThreshold: text("payoutThreshold"),
        payoutHoldingDays: text("payoutHoldingDays"),
      },
      {
        onSuccess: () => toast.success("Revenue share settings saved."),
        onError: fail,
      },
    );
  }

  return (
    <section aria-labelledby={id("heading")} className="grid gap-4">
      <div className="grid gap-1">
        <h2 id={id("heading")} className="text-lg font-semibold tracking-tight">
          Revenue share and payouts
        </h2>
        <p className="text-sm text-muted-foreground">
          They apply from the next close and the next payout run; a closed month keeps the share and
          cap it closed with. Creators read the rules in{" "}
          <Link href="/docs/revenue-share" className="text-primary underline underline-offset-4">
            how earnings are calculated
          </Link>
          .
        </p>
      </div>
      <form onSubmit={onSubmit} noValidate className="grid gap-5 rounded-xl border bg-card p-5">
        {generalMessage ? (
          <Alert variant="destructive">
            <AlertDescription className="text-destructive">{generalMessage}</AlertDescription>
          </Alert>
        ) : null}
        <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
          <Field
            id={id("creatorSharePercent")}
            label="Creator share (%)"
            description="Of each month's net revenue from paying users."
            error={fieldError("creatorSharePercent")}
          >
            <Input
              name="creatorSharePercent"
              inputMode="numeric"
              defaultValue={settings.creatorSharePercent}
            />
          </Field>
          <Field
            id={id("engagedAnswersDailyCap")}
            label="Engaged answers per day"
            description="At most this many answers count per user, per GPT, per UTC day."
            error={fieldError("engagedAnswersDailyCap")}
          >
            <Input
              name="engagedAnswersDailyCap"
              inputMode="numeric"
              defaultValue={settings.engagedAnswersDailyCap}
            />
          </Field>
          <Field
            id={id("payoutThreshold")}
            label="Payout threshold (USD)"
            description="Smaller available balances wait for the next run."
            error={fieldError("payoutThreshold")}
          >
            <Input
              name="payoutThreshold"
              inputMode="decimal"
              defaultValue={settings.payoutThreshold}
            />
          </Field>
          <Field
            id={id("payoutHoldingDays")}
            label="Holding period (days)"
            description="After a month ends, before its earnings can be paid out."
            error={fieldError("payoutHoldingDays")}
          >
            <Input
              name="payoutHoldingDays"
              inputMode="numeric"
              defaultValue={settings.payoutHoldingDays}
            />
          </Field>
        </div>
        <div>
          <Button type="submit" isLoading={save.isPending}>
            Save revenue share settings
          </Button>
        </div>
      </form>
    </section>
  );
}
