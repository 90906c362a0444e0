"use client";

import { type FormEvent, useState } from "react";
import { toast } from "sonner";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { ApiError } from "@/lib/gpts/api-client";
import {
  CHAT_LIMIT_FIELDS,
  type InstanceSettingsView,
  LIMIT_FIELDS,
  parseSettingsForm,
  type SettingsFieldErrors,
  type SettingsFormValues,
  SPEND_CAP_FIELDS,
  toFieldErrorKey,
  toSettingsFormValues,
  useUpdateInstanceSettings,
} from "@/lib/knowledge/client/instance-settings";
import type { PublicModelConfig } from "@/lib/models/schemas";
import { SettingsChatLimitsFields } from "./settings-chat-limits-fields";
import { SettingsActionCallsField, SettingsEgressFields } from "./settings-egress-fields";
import { SettingsEmbeddingField } from "./settings-embedding-field";
import { SettingsLimitsFields } from "./settings-limits-fields";
import { SettingsSection } from "./settings-section";

const FIELD_ORDER = [
  ...CHAT_LIMIT_FIELDS,
  ...SPEND_CAP_FIELDS,
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
 * Chat limits, knowledge limits, the embedding model, the egress guard and action limits. Checked
 * with the API's schema before sending; the server's field errors show next to their fields too.
 */
export function SettingsForm({
  settings,
  models,
  instanceSpendTodayMicros,
}: {
  settings: InstanceSettingsView;
  models: PublicModelConfig[];
  instanceSpendTodayMicros?: number;
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
      <SettingsSection
        id="chat"
        title="Chat limits"
        description="Apply to every message: chats, previews and the builder’s Create tab. A refused message tells the user which limit it hit and when it resets. Spend caps are checked before each message, so answers already under way can take a day’s spend slightly past a cap."
      >
        <SettingsChatLimitsFields
          values={values}
          fieldErrors={fieldErrors}
          instanceSpendTodayMicros={instanceSpendTodayMicros}
          onChange={setField}
        />
      </SettingsSection>
      <SettingsSection
        id="limits"
        title="Knowledge limits"
        description="Checked on every upload. Lowering a limit never removes existing files; it applies to the next upload."
      >
        <SettingsLimitsFields values={values} fieldErrors={fieldErrors} onChange={setField} />
      </SettingsSection>
      <SettingsSection id="embedding" title="Knowledge search">
        <SettingsEmbeddingField
          value={values.embeddingModelConfigId}
          models={models}
          error={fieldErrors.embeddingModelConfigId}
          onChange={(value) => setField("embeddingModelConfigId", value)}
        />
      </SettingsSection>
      <SettingsSection
        id="egress"
        title="Network access (egress guard)"
        description="Every request GPT actions make, and every model call not marked as a private endpoint, goes through the guard. It refuses private, loopback and link-local addresses unless listed below."
      >
        <SettingsEgressFields
          allowlist={values.egressAllowlist}
          ports={values.egressAllowedPorts}
          fieldErrors={fieldErrors}
          onAllowlistChange={(value) => setField("egressAllowlist", value)}
          onPortsChange={(value) => setField("egressAllowedPorts", value)}
        />
      </SettingsSection>
      <SettingsSection id="actions" title="Actions">
        <SettingsActionCallsField
          value={values.actionMaxCallsPerTurn}
          error={fieldErrors.actionMaxCallsPerTurn}
          onChange={(value) => setField("actionMaxCallsPerTurn", value)}
        />
      </SettingsSection>
      <div className="flex justify-end border-t pt-4">
        <Button type="submit" isLoading={update.isPending} className="w-full sm:w-auto">
          Save settings
        </Button>
      </div>
    </form>
  );
}
