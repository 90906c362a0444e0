"use client";

import { Alert, AlertDescription } from "@/components/ui/alert";
import { Field } from "@/components/ui/field";
import { Select } from "@/components/ui/select";
import type { ModelFallback } from "@/lib/gpts/queries";
import type { EditorModel } from "../gpt-config-form";

/** The warning shown while the draft names a model an administrator disabled. */
export function modelFallbackMessage(fallback: ModelFallback): string {
  return fallback.defaultModelName
    ? `${fallback.modelName} was disabled by an administrator; this GPT uses the default model ${fallback.defaultModelName} until you pick another.`
    : `${fallback.modelName} was disabled by an administrator, and no other model is enabled: this GPT cannot answer until an administrator enables one.`;
}

/**
 * The model picker (enabled models from the admin's catalog). A model disabled after it was chosen
 * stays selected, with a warning that chats use the default model meanwhile.
 */
export function ModelField({
  value,
  models,
  fallback,
  error,
  onChange,
}: {
  value: string | null;
  models: EditorModel[];
  fallback: ModelFallback | null;
  error?: string;
  onChange: (value: string | null) => void;
}) {
  const isFallingBack = fallback !== null && value === fallback.modelConfigId;
  const isUnlisted = value !== null && !models.some((model) => model.id === value);
  const description =
    models.length === 0
      ? "No models are configured yet. An administrator can add one under Admin → Models."
      : "“Default model” follows this instance’s default.";

  return (
    <div className="grid gap-2">
      <Field id="gpt-model" label="Model" error={error} description={description}>
        <Select
          value={value ?? ""}
          aria-describedby={isFallingBack ? "gpt-model-fallback" : undefined}
          onChange={(event) => onChange(event.target.value || null)}
        >
          <option value="">Default model</option>
          {isUnlisted ? (
            <option value={value}>
              {isFallingBack ? `${fallback.modelName} (disabled)` : "Current model (unavailable)"}
            </option>
          ) : null}
          {models.map((model) => (
            <option key={model.id} value={model.id}>
              {model.isDefault ? `${model.displayName} (default)` : model.displayName}
            </option>
          ))}
        </Select>
      </Field>
      {isFallingBack ? (
        <Alert variant="warning" id="gpt-model-fallback" data-testid="model-fallback-warning">
          <AlertDescription className="text-warning">
            {modelFallbackMessage(fallback)}
          </AlertDescription>
        </Alert>
      ) : null}
    </div>
  );
}
