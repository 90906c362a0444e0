"use client";

import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import type { ActionAuthView, ApiKeyPlacement } from "@/lib/gpt-actions/types";
import { API_KEY_PLACEMENTS } from "@/lib/gpt-actions/types";
import { cn } from "@/lib/utils/cn";
import { API_KEY_PLACEMENT_LABELS } from "./action-format";
import {
  type AuthDraft,
  type AuthKind,
  type FieldErrorMap,
  firstError,
  hasStoredSecret,
} from "./auth-draft";
import { OAuthFields } from "./oauth-fields";
import { SecretField } from "./secret-field";

const KINDS: { value: AuthKind; label: string; hint: string }[] = [
  { value: "none", label: "None", hint: "A public API." },
  { value: "api_key", label: "API key", hint: "One key of yours, used for everyone." },
  { value: "oauth", label: "OAuth", hint: "Each person signs in with their own account." },
];

/** Step 2: how calls authenticate. Native radios, so arrow keys move between the kinds. */
export function AuthFields({
  draft,
  saved,
  errors,
  onChange,
}: {
  draft: AuthDraft;
  /** The saved action's auth (secrets are "•••• set"), or null for a new action. */
  saved: ActionAuthView | null;
  errors: FieldErrorMap;
  onChange: (patch: Partial<AuthDraft>) => void;
}) {
  const hasStored = hasStoredSecret(saved, draft.kind);
  const needsName = draft.placement === "header" || draft.placement === "query";
  return (
    <div className="grid gap-4">
      <fieldset className="grid gap-2">
        <legend className="mb-2 text-sm font-medium leading-none">Authentication type</legend>
        <div className="grid gap-2 sm:grid-cols-3">
          {KINDS.map((kind) => {
            const id = `action-auth-${kind.value}`;
            return (
              <label
                key={kind.value}
                htmlFor={id}
                className={cn(
                  "flex cursor-pointer items-start gap-2 rounded-lg border p-3 text-sm transition-colors has-[:checked]:border-primary has-[:checked]:bg-primary/5 has-[:focus-visible]:ring-2 has-[:focus-visible]:ring-ring",
                )}
              >
                <input
                  id={id}
                  type="radio"
                  name="action-auth-kind"
                  value={kind.value}
                  checked={draft.kind === kind.value}
                  className="mt-0.5 accent-primary"
                  aria-describedby={`${id}-hint`}
                  onChange={() => onChange({ kind: kind.value, isReplacingSecret: false })}
                />
                <span className="grid gap-0.5">
                  <span className="font-medium">{kind.label}</span>
                  <span id={`${id}-hint`} className="text-xs text-muted-foreground">
                    {kind.hint}
                  </span>
                </span>
              </label>
            );
          })}
        </div>
      </fieldset>

      {draft.kind === "api_key" ? (
        <div className="grid gap-4">
          <div className="grid gap-4 sm:grid-cols-2 sm:items-start">
            <Field
              id="action-api-key-placement"
              label="Send the key as"
              error={firstError(errors, "auth.placement")}
            >
              <Select
                value={draft.placement}
                onChange={(event) => onChange({ placement: event.target.value as ApiKeyPlacement })}
              >
                {API_KEY_PLACEMENTS.map((placement) => (
                  <option key={placement} value={placement}>
                    {placementLabel(placement)}
                  </option>
                ))}
              </Select>
            </Field>
            {needsName ? (
              <Field
                id="action-api-key-name"
                label={draft.placement === "header" ? "Header name" : "Query parameter name"}
                isRequired
                error={firstError(errors, "auth.name")}
              >
                <Input
                  value={draft.name}
                  placeholder={draft.placement === "header" ? "X-API-Key" : "api_key"}
                  autoComplete="off"
                  spellCheck={false}
                  required
                  className="font-mono"
                  onChange={(event) => onChange({ name: event.target.value })}
                />
              </Field>
            ) : null}
          </div>
          <SecretField
            id="action-api-key-secret"
            label="API key"
            value={draft.secret}
            hasStored={hasStored}
            isReplacing={draft.isReplacingSecret}
            isRequired
            error={firstError(errors, "auth.secret")}
            description="Encrypted when saved and never shown again."
            onChange={(secret) => onChange({ secret })}
            onReplacingChange={(isReplacingSecret) => onChange({ isReplacingSecret })}
          />
        </div>
      ) : null}

      {draft.kind === "oauth" ? (
        <OAuthFields draft={draft} hasStored={hasStored} errors={errors} onChange={onChange} />
      ) : null}
    </div>
  );
}

function placementLabel(placement: ApiKeyPlacement): string {
  if (placement === "basic") return "Basic (Authorization: Basic …)";
  if (placement === "bearer") return "Bearer (Authorization: Bearer …)";
  return API_KEY_PLACEMENT_LABELS[placement];
}
