"use client";

import { type FormEvent, useState } from "react";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Textarea } from "@/components/ui/textarea";
import { useSaveSignUpRules } from "@/lib/accounts/admin-hooks";
import {
  SIGN_UP_POLICIES,
  SIGN_UP_POLICY_LABELS,
  type SignUpPolicy,
  type SignUpRules,
} from "@/lib/accounts/sign-up-policy";
import { ApiError } from "@/lib/admin/api-client";

const DESCRIPTIONS: Record<SignUpPolicy, string> = {
  OPEN: "Anyone with an email address or a GitHub or Google account can join.",
  INVITE_ONLY: "Only people you invite below can create an account.",
  DOMAINS: "Addresses at the domains you list can join; invited people too.",
  CLOSED: "Nobody can create an account, invited or not. Existing accounts keep working.",
};

/** Admin → Settings → Sign-ups: who may create an account. */
export function SignUpRulesForm({ rules }: { rules: SignUpRules }) {
  const save = useSaveSignUpRules();
  const [policy, setPolicy] = useState<SignUpPolicy>(rules.policy);
  const fieldErrors = save.error instanceof ApiError ? save.error.fieldErrors : {};

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const domains = String(new FormData(event.currentTarget).get("allowedDomains") ?? "")
      .split(/[\s,]+/)
      .filter(Boolean);
    save.mutate(
      { policy, allowedDomains: policy === "DOMAINS" ? domains : rules.allowedDomains },
      {
        onSuccess: () => toast.success("Sign-up rules saved."),
        onError: (error) => toast.error(error.message),
      },
    );
  }

  return (
    <form onSubmit={onSubmit} className="grid gap-4" noValidate>
      <fieldset className="grid gap-2">
        <legend className="mb-2 text-sm font-medium">Who can create an account</legend>
        {SIGN_UP_POLICIES.map((value) => (
          <label
            key={value}
            className="flex cursor-pointer items-start gap-3 rounded-lg border p-3 has-[:checked]:border-primary has-[:checked]:bg-primary/5"
          >
            <input
              type="radio"
              name="policy"
              value={value}
              checked={policy === value}
              onChange={() => setPolicy(value)}
              className="mt-1 accent-primary"
            />
            <span className="grid gap-0.5">
              <span className="text-sm font-medium">{SIGN_UP_POLICY_LABELS[value]}</span>
              <span className="text-sm text-muted-foreground">{DESCRIPTIONS[value]}</span>
            </span>
          </label>
        ))}
      </fieldset>
      {policy === "DOMAINS" ? (
        <Field
          id="allowedDomains"
          label="Allowed domains"
          description="One per line or separated by commas, e.g. acme.com. Subdomains are separate."
          error={
            // The list's own error, or a bad entry's ("allowedDomains.2").
            Object.entries(fieldErrors).find(
              ([key]) => key.split(".")[0] === "allowedDomains",
            )?.[1][0]
          }
        >
          <Textarea
            id="allowedDomains"
            name="allowedDomains"
            rows={3}
            defaultValue={rules.allowedDomains.join("\n")}
          />
        </Field>
      ) : null}
      <div>
        <Button type="submit" isLoading={save.isPending}>
          Save sign-up rules
        </Button>
      </div>
    </form>
  );
}
