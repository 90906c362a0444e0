"use client";

import { type FormEvent, useState } from "react";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Textarea } from "@/components/ui/textarea";
import { ApiError } from "@/lib/admin/api-client";
import { useSaveModerationSettings } from "@/lib/moderation/review/hooks";
import {
  LISTING_REVIEW_POLICIES,
  type ListingReviewPolicy,
  type ModerationSettings,
  REVIEW_LIMITS,
} from "@/lib/moderation/review/schemas";

const POLICY_COPY: Record<ListingReviewPolicy, { label: string; description: string }> = {
  ALL_PUBLIC: {
    label: "Review every public listing",
    description:
      "Every GPT published as Public, and every new public version of a listed GPT, waits for a moderator before the store lists it.",
  },
  FLAGGED_ONLY: {
    label: "Review only listings the automatic checks flag",
    description:
      "Clean listings appear in the store at once. A listing with a blocked term, a protected name, a near-copy of another listing or an action whose privacy policy is missing or on another site waits for a moderator.",
  },
};

function linesOf(value: FormDataEntryValue | null): string[] {
  return String(value ?? "")
    .split("\n")
    .map((line) => line.trim())
    .filter(Boolean);
}

/** The first error of a list field or of one of its lines ("blockedTerms.3"). */
function listError(fieldErrors: Record<string, string[]>, name: string) {
  return Object.entries(fieldErrors).find(([key]) => key.split(".")[0] === name)?.[1][0];
}

export function ModerationSettingsForm({ settings }: { settings: ModerationSettings }) {
  const save = useSaveModerationSettings();
  const [policy, setPolicy] = useState<ListingReviewPolicy>(settings.listingReviewPolicy);
  // Remounted on save so the textareas show the saved (trimmed, deduplicated) lists.
  const [formKey, setFormKey] = useState(0);
  const fieldErrors = save.error instanceof ApiError ? save.error.fieldErrors : {};

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    save.mutate(
      {
        listingReviewPolicy: policy,
        blockedTerms: linesOf(data.get("blockedTerms")),
        protectedNames: linesOf(data.get("protectedNames")),
      },
      {
        onSuccess: () => {
          setFormKey((key) => key + 1);
          toast.success("Store moderation settings saved.");
        },
        onError: (error) => toast.error(error.message),
      },
    );
  }

  return (
    <form key={formKey} onSubmit={onSubmit} className="grid gap-5" noValidate>
      <fieldset className="grid gap-2">
        <legend className="mb-2 text-sm font-medium">
          Which public listings a moderator reviews
        </legend>
        {LISTING_REVIEW_POLICIES.map((value) => (
          <label
            key={value}
            className="flex cursor-pointer items-start gap-3 rounded-lg border p-3 has-[:checked]:border-primary has-[:checked]:bg-primary/5"
          >
            <input
              type="radio"
              name="listingReviewPolicy"
              value={value}
              checked={policy === value}
              onChange={() => setPolicy(value)}
              className="mt-1 accent-primary"
            />
            <span className="grid gap-0.5">
              <span className="text-sm font-medium">{POLICY_COPY[value].label}</span>
              <span className="text-sm text-muted-foreground">
                {POLICY_COPY[value].description}
              </span>
            </span>
          </label>
        ))}
        <p className="text-sm text-muted-foreground">
          Either way, a rejected GPT published again goes back to the queue, and a new policy
          applies from the next publish: listings already in the store stay listed.
        </p>
      </fieldset>
      <div className="grid gap-5 md:grid-cols-2">
        <Field
          id="blockedTerms"
          label="Blocked terms"
          description={`One word or phrase per line (up to ${REVIEW_LIMITS.term} characters). A listing using one as a whole word, in any case, in its name, description, instructions, starters, actions or creator name is flagged.`}
          error={listError(fieldErrors, "blockedTerms")}
        >
          <Textarea
            name="blockedTerms"
            rows={8}
            defaultValue={settings.blockedTerms.join("\n")}
            placeholder={"casino\nfree money"}
          />
        </Field>
        <Field
          id="protectedNames"
          label="Protected names"
          description="One per line. A GPT whose name uses one is flagged as possible impersonation, unless an administrator owns it or its creator verified that name's domain."
          error={listError(fieldErrors, "protectedNames")}
        >
          <Textarea
            name="protectedNames"
            rows={8}
            defaultValue={settings.protectedNames.join("\n")}
          />
        </Field>
      </div>
      <div>
        <Button type="submit" isLoading={save.isPending}>
          Save store moderation
        </Button>
      </div>
    </form>
  );
}
