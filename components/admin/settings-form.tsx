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
  type SettingsFormValues,
  toSettingsFormValues,
  useUpdateInstanceSettings,
} from "@/lib/knowledge/client/instance-settings";
import type { PublicModelConfig } from "@/lib/models/schemas";
import { SettingsEmbeddingField } from "./settings-embedding-field";
import { SettingsLimitsFields } from "./settings-limits-fields";

const FIELD_ORDER = [...LIMIT_FIELDS, "embeddingModelConfigId"] as const;

function focusField(name: string) {
  requestAnimationFrame(() => document.getElementById(`settings-${name}`)?.focus());
}

/**
 * Knowledge limits and the embedding model. Checked with the API's schema before sending; the
 * server's field errors show next to their fields too.
 */
export function SettingsForm({
  settings,
  models,
}: {
  settings: InstanceSettingsView;
  models: PublicModelConfig[];
}) {
  const [values, setValues] = useState<SettingsFormValues>(() => toSettingsFormValues(settings));
  const [fieldErrors, setFieldErrors] = useState<Partial<Record<string, string>>>({});
  const [generalError, setGeneralError] = useState<string | null>(null);
  const update = useUpdateInstanceSettings();

  function showErrors(errors: Partial<Record<string, string>>) {
    setFieldErrors(errors);
    const first = FIELD_ORDER.find((name) => errors[name]);
    if (first) focusField(first);
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
          Object.entries(apiError?.fieldErrors ?? {}).map(([key, messages]) => [key, messages[0]]),
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
        <SettingsLimitsFields
          values={values}
          fieldErrors={fieldErrors}
          onChange={(field, value) => {
            setValues((current) => ({ ...current, [field]: value }));
            setFieldErrors(({ [field]: _, ...rest }) => rest);
          }}
        />
      </section>
      <section aria-labelledby="settings-embedding-heading" className="grid gap-4">
        <h2 id="settings-embedding-heading" className="text-lg font-semibold">
          Knowledge search
        </h2>
        <SettingsEmbeddingField
          value={values.embeddingModelConfigId}
          models={models}
          error={fieldErrors.embeddingModelConfigId}
          onChange={(embeddingModelConfigId) => {
            setValues((current) => ({ ...current, embeddingModelConfigId }));
            setFieldErrors(({ embeddingModelConfigId: _, ...rest }) => rest);
          }}
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
