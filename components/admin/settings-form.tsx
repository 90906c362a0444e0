"use client";

import { type FormEvent, useState } from "react";
import { toast } from "sonner";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { ApiError } from "@/lib/gpts/api-client";
import {
  type InstanceSettingsView,
  LIMIT_FIELDS,
  parseSettingsForm,
  type SettingsFieldErrors,
  type SettingsFormValues,
  toFieldErrorKey,
  toSettingsFormValues,
  useUpdateInstanceSettings,
} from "@/lib/knowledge/client/instance-settings";
import type { PublicModelConfig } from "@/lib/models/schemas";
import { SettingsActionCallsField, SettingsEgressFields } from "./settings-egress-fields";
import { SettingsEmbeddingField } from "./settings-embedding-field";
import { SettingsLimitsFields } from "./settings-limits-fields";

const FIELD_ORDER = [
  ...LIMIT_FIELDS,
  "embeddingModelConfigId",
  "egressAllowlist",
  "egressAllowedPorts",
  "actionMaxCallsPerTurn",
] as const;

/** True for the field's own error and, for the allowlist, any entry's (`egressAllowlist.2`). */
function hasError(errors: SettingsFieldErrors, name: string) {
  return Object.keys(errors).some(
    (key) => errors[key] && (key === name || key.startsWith(`${name}.`)),
  );
}

function focusField(name: string) {
  requestAnimationFrame(() => document.getElementById(`settings-${name}`)?.focus());
}

/**
 * Knowledge limits, the embedding model, the egress guard and action limits. Checked with the
 * API's schema before sending; the server's field errors show next to their fields too.
 */
export function SettingsForm({
  settings,
  models,
}: {
  settings: InstanceSettingsView;
  models: PublicModelConfig[];
}) {
  const [values, setValues] = useState<SettingsFormValues>(() => toSettingsFormValues(settings));
  const [fieldErrors, setFieldErrors] = useState<SettingsFieldErrors>({});
  const [generalError, setGeneralError] = useState<string | null>(null);
  const update = useUpdateInstanceSettings();

  function showErrors(errors: SettingsFieldErrors) {
    setFieldErrors(errors);
    const first = FIELD_ORDER.find((name) => hasError(errors, name));
    if (first) focusField(first);
  }

  function setField<K extends keyof SettingsFormValues>(field: K, value: SettingsFormValues[K]) {
    setValues((current) => ({ ...current, [field]: value }));
    // Allowlist errors are keyed by position, which an edit shifts: clear them all together.
    setFieldErrors((current) =>
      Object.fromEntries(
        Object.entries(current).filter(([key]) => key !== field && !key.startsWith(`${field}.`)),
      ),
    );
  }

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setGeneralError(null);
    const parsed = parseSettingsForm(values);
    if (!parsed.isValid) {
      showErrors(parsed.fieldErrors);
      return;
    }
    setFieldErrors({});
    const isModelChanged =
      parsed.settings.embeddingModelConfigId !== settings.embeddingModelConfigId;
    update.mutate(parsed.settings, {
      onSuccess: (saved) => {
        setValues(toSettingsFormValues(saved));
        toast.success("Settings saved.", {
          description: isModelChanged
            ? "Knowledge files are embedded with the new model on their next ingestion."
            : undefined,
        });
      },
      onError: (error) => {
        const apiError = error instanceof ApiError ? error : null;
        const errors = Object.fromEntries(
          Object.entries(apiError?.fieldErrors ?? {}).map(([key, messages]) => [
            toFieldErrorKey(key),
            messages[0],
          ]),
        );
        if (Object.keys(errors).length > 0) showErrors(errors);
        else setGeneralError(error.message);
      },
    });
  }

  return (
    <form noValidate onSubmit={onSubmit} className="grid gap-8" aria-label="Instance settings">
      {generalError ? (
        <Alert variant="destructive">
          <AlertDescription className="text-destructive">{generalError}</AlertDescription>
        </Alert>
      ) : null}
      <section aria-labelledby="settings-limits-heading" className="grid gap-4">
        <div className="grid gap-1">
          <h2 id="settings-limits-heading" className="text-lg font-semibold">
            Knowledge limits
          </h2>
          <p className="text-sm text-muted-foreground">
            Checked on every upload. Lowering a limit never removes existing files; it applies to
            the next upload.
          </p>
        </div>
        <SettingsLimitsFields values={values} fieldErrors={fieldErrors} onChange={setField} />
      </section>
      <section aria-labelledby="settings-embedding-heading" className="grid gap-4">
        <h2 id="settings-embedding-heading" className="text-lg font-semibold">
          Knowledge search
        </h2>
        <SettingsEmbeddingField
          value={values.embeddingModelConfigId}
          models={models}
          error={fieldErrors.embeddingModelConfigId}
          onChange={(value) => setField("embeddingModelConfigId", value)}
        />
      </section>
      <section aria-labelledby="settings-egress-heading" className="grid gap-4">
        <div className="grid gap-1">
          <h2 id="settings-egress-heading" className="text-lg font-semibold">
            Network access (egress guard)
          </h2>
          <p className="text-sm text-muted-foreground">
            Every request GPT actions make, and every model call not marked as a private endpoint,
            goes through the guard. It refuses private, loopback and link-local addresses unless
            listed below.
          </p>
        </div>
        <SettingsEgressFields
          allowlist={values.egressAllowlist}
          ports={values.egressAllowedPorts}
          fieldErrors={fieldErrors}
          onAllowlistChange={(value) => setField("egressAllowlist", value)}
          onPortsChange={(value) => setField("egressAllowedPorts", value)}
        />
      </section>
      <section aria-labelledby="settings-actions-heading" className="grid gap-4">
        <h2 id="settings-actions-heading" className="text-lg font-semibold">
          Actions
        </h2>
        <SettingsActionCallsField
          value={values.actionMaxCallsPerTurn}
          error={fieldErrors.actionMaxCallsPerTurn}
          onChange={(value) => setField("actionMaxCallsPerTurn", value)}
        />
      </section>
      <div className="flex justify-end border-t pt-4">
        <Button type="submit" isLoading={update.isPending} className="w-full sm:w-auto">
          Save settings
        </Button>
      </div>
    </form>
  );
}
